package dev.tradewind.engine.marketdata;

import java.util.Objects;

/**
 * Best bid and offer (book ticker) on a venue.
 *
 * @param bid       ticks, positive, not above {@code ask}
 * @param bidSize   lots, ≥ 0
 * @param ask       ticks, positive
 * @param askSize   lots, ≥ 0
 * @param sequence  the venue's update id/sequence, 0 when it has none
 * @param eventTime epoch milliseconds (receive time when the venue sends none)
 */
public record QuoteUpdated(String symbol, long bid, long bidSize, long ask, long askSize, String venue,
                           long sequence, long eventTime) implements MarketUpdate {
    public QuoteUpdated {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(venue, "venue");
        if (bid <= 0 || ask <= 0 || bidSize < 0 || askSize < 0 || bid > ask) {
            throw new IllegalArgumentException("a quote needs 0 < bid <= ask and sizes >= 0, got " + bid + "/" + ask + " on " + symbol);
        }
    }

    @Override
    public UpdateKind kind() {
        return UpdateKind.QUOTE;
    }
}
