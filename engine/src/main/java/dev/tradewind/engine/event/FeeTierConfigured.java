package dev.tradewind.engine.event;

import dev.tradewind.engine.risk.FeeTier;

public record FeeTierConfigured(long sequence, long timestamp, FeeTier tier) implements EngineEvent {
}
