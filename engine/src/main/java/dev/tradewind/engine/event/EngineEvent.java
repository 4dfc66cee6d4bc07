package dev.tradewind.engine.event;

/**
 * A fact the engine established while applying one command. Every event carries the sequence of
 * that command and the sequencer's timestamp (epoch nanoseconds), so consumers can order, dedupe
 * and resume by sequence. Amounts are in engine units: ticks, lots, minor units.
 */
public sealed interface EngineEvent permits OrderAccepted, OrderRejected, TradeExecuted, OrderCancelled,
        OrderReplaced, OrderExpired, StopTriggered, BalanceChanged, BookLevelChanged,
        DepositCredited, WithdrawalHeld, WithdrawalConfirmed, WithdrawalReleased, BalanceAdjusted,
        ReferencePriceUpdated, AssetAdded, InstrumentAdded, InstrumentStatusChanged,
        FeeTierConfigured, AccountFeeTierSet, RiskLimitsConfigured {

    long sequence();

    long timestamp();
}
