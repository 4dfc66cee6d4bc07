package dev.tradewind.portfolio.internal;

import dev.tradewind.portfolio.PriceSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's holdings valued in USD. Assets without a price are listed with null values and left out
 * of the total. Positions are ordered by market value, largest first (unpriced last), then by asset.
 *
 * @param totalValue sum of the positions' market values, exact
 */
record Valuation(List<Position> positions, BigDecimal totalValue) {
    private static final Comparator<Position> ORDER = Comparator
            .comparing(Position::marketValue, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Position::asset);

    /** Values {@code holdings} at {@code prices}, with average cost and P&amp;L from {@code costs}. */
    static Valuation of(Map<String, BigDecimal> holdings, PriceSource prices, Map<String, AssetCost> costs) {
        List<Position> positions = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> holding : holdings.entrySet()) {
            String asset = holding.getKey();
            BigDecimal quantity = holding.getValue();
            if (quantity.signum() == 0) {
                continue;
            }
            Position position = PriceSource.QUOTE_ASSET.equals(asset)
                    ? cash(quantity)
                    : priced(asset, quantity, price(prices, asset), costs.getOrDefault(asset, AssetCost.NONE));
            if (position.marketValue() != null) {
                total = total.add(position.marketValue(), Decimals.MC);
            }
            positions.add(position);
        }
        positions.sort(ORDER);
        return new Valuation(List.copyOf(positions), total);
    }

    /** The total only, for the daily snapshot. */
    static BigDecimal total(Map<String, BigDecimal> holdings, PriceSource prices) {
        return of(holdings, prices, Map.of()).totalValue();
    }

    /** The valuation currency is worth 1 and is always at cost. */
    private static Position cash(BigDecimal quantity) {
        return new Position(PriceSource.QUOTE_ASSET, quantity, BigDecimal.ONE, quantity, BigDecimal.ONE,
                BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static Position priced(String asset, BigDecimal quantity, BigDecimal price, AssetCost cost) {
        BigDecimal marketValue = price == null ? null : price.multiply(quantity, Decimals.MC);
        BigDecimal averageCost = cost.averageCost();
        BigDecimal unrealized = price == null || averageCost == null ? null
                : price.subtract(averageCost, Decimals.MC).multiply(quantity, Decimals.MC);
        return new Position(asset, quantity, price, marketValue, averageCost, unrealized,
                cost.known() ? cost.realizedPnl() : null);
    }

    private static BigDecimal price(PriceSource prices, String asset) {
        Optional<BigDecimal> price = prices.price(asset);
        return price.filter(p -> p.signum() > 0).orElse(null);
    }
}
