package dev.tradewind.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution of one of the user's orders.
 *
 * @param symbol     instrument, e.g. {@code "BTC-USD"}
 * @param baseAsset  what was bought or sold, e.g. {@code "BTC"}
 * @param quoteAsset what it was paid in, e.g. {@code "USD"}
 * @param side       the user's side
 * @param price      price of one unit of base in quote; positive
 * @param quantity   base quantity filled; positive
 * @param fee        fee the user paid on this fill; zero or positive (rebates are not modelled)
 * @param feeAsset   the asset the fee was charged in (usually the quote asset)
 * @param time       execution time
 */
public record Fill(String symbol, String baseAsset, String quoteAsset, Side side, BigDecimal price,
                   BigDecimal quantity, BigDecimal fee, String feeAsset, Instant time) {

    public enum Side { BUY, SELL }

    public Fill {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(baseAsset, "baseAsset");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(feeAsset, "feeAsset");
        Objects.requireNonNull(time, "time");
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("Fill price must be positive: " + price);
        }
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("Fill quantity must be positive: " + quantity);
        }
        if (fee == null || fee.signum() < 0) {
            throw new IllegalArgumentException("Fill fee must be zero or positive: " + fee);
        }
    }
}
