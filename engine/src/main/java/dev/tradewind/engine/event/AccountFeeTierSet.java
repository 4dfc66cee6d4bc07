package dev.tradewind.engine.event;

public record AccountFeeTierSet(long sequence, long timestamp, long accountId, int tier) implements EngineEvent {
}
