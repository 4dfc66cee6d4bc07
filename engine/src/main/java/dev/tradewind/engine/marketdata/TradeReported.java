package dev.tradewind.engine.marketdata;

import java.util.Objects;

/**
 * A trade printed on a venue.
 *
 * @param price     ticks, positive
 * @param quantity  lots, positive
 * @param venue     e.g. {@code binance}, {@code coinbase}, {@code tradewind}, {@code synthetic}
 * @param tradeId   the venue's trade id, 0 when it has none
 * @param sequence  the venue's message sequence, 0 when it has none
 * @param eventTime epoch milliseconds
 */
public record TradeReported(String symbol, long price, long quantity, TakerSide takerSide, String venue,
                            long tradeId, long sequence, long eventTime) implements MarketUpdate {
    public TradeReported {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(takerSide, "takerSide");
        Objects.requireNonNull(venue, "venue");
        if (price <= 0 || quantity <= 0) {
            throw new IllegalArgumentException("a trade needs price > 0 and quantity > 0, got " + price + " x " + quantity + " on " + symbol);
        }
    }

    @Override
    public UpdateKind kind() {
        return UpdateKind.TRADE;
    }
}
