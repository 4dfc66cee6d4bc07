package dev.tradewind.engine.marketdata;

/**
 * A normalized market-data update: numbers are {@code long} ticks/lots of the symbol's
 * {@link InstrumentScale}, times are epoch milliseconds (UTC). The general path for feeds and
 * tests; the hot path uses the reusable {@link MutableUpdate} instead.
 */
public sealed interface MarketUpdate permits TradeReported, QuoteUpdated, ReferencePriceUpdated {
    String symbol();

    /** Event time at the source, epoch milliseconds. */
    long eventTime();

    UpdateKind kind();
}
