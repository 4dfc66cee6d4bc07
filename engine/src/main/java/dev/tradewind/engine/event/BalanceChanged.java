package dev.tradewind.engine.event;

/** An account's balance of one asset after a change: total and the reserved part of it. */
public record BalanceChanged(long sequence, long timestamp, long accountId, int assetId, long total, long reserved)
        implements EngineEvent {
}
