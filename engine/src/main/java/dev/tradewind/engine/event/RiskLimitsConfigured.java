package dev.tradewind.engine.event;

import dev.tradewind.engine.risk.RiskLimits;

public record RiskLimitsConfigured(long sequence, long timestamp, int instrumentId, RiskLimits limits) implements EngineEvent {
}
