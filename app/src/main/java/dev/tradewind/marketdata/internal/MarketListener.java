package dev.tradewind.marketdata.internal;

/**
 * Told of what happens on Tradewind's own book, on the engine tap's thread (in engine order): must
 * not block. Beans of this type are registered with the {@link MarketDataRuntime}.
 */
interface MarketListener {
    /** A trade executed on the book of {@code symbol}. */
    default void onTrade(String symbol, TradeView trade) {
    }

    /** A level of the book of {@code symbol} changed. */
    default void onBookChanged(String symbol) {
    }
}
