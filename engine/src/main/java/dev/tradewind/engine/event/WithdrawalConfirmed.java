package dev.tradewind.engine.event;

/** A withdrawal hold (by its reference) was finalised; see the BalanceChanged that follows. */
public record WithdrawalConfirmed(long sequence, long timestamp, String reference, long accountId, int assetId, long amount)
        implements EngineEvent {
}
