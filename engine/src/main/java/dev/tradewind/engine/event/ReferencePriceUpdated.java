package dev.tradewind.engine.event;

public record ReferencePriceUpdated(long sequence, long timestamp, int instrumentId, long price) implements EngineEvent {
}
