package dev.tradewind.engine.event;

/** Money moved by an idempotent command with this reference; see the BalanceChanged that follows. */
public record DepositCredited(long sequence, long timestamp, String reference, long accountId, int assetId, long amount)
        implements EngineEvent {
}
