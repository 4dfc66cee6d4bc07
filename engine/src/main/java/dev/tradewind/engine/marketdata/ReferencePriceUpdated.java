package dev.tradewind.engine.marketdata;

import java.util.Objects;

/**
 * A reference (index/mark) price tick from a feed: drives stop triggers and price-only candles.
 *
 * @param price     ticks, positive
 * @param source    feed name
 * @param eventTime epoch milliseconds
 */
public record ReferencePriceUpdated(String symbol, long price, String source, long eventTime) implements MarketUpdate {
    public ReferencePriceUpdated {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(source, "source");
        if (price <= 0) {
            throw new IllegalArgumentException("a reference price must be > 0, got " + price + " on " + symbol);
        }
    }

    @Override
    public UpdateKind kind() {
        return UpdateKind.REFERENCE;
    }
}
