package dev.tradewind.portfolio.internal;

import java.math.BigDecimal;

/**
 * The cost basis of one asset after a user's fills (see {@link AverageCostBook}).
 *
 * @param quantity    quantity bought through fills and not yet sold
 * @param cost        what that quantity cost in USD, fees included
 * @param realizedPnl USD gained (negative: lost) by sells, net of fees, against the average cost
 * @param known       false when a fill could not be valued in USD (not quoted in USD): then nothing
 *                    about this asset's cost is reported
 */
record AssetCost(BigDecimal quantity, BigDecimal cost, BigDecimal realizedPnl, boolean known) {
    static final AssetCost NONE = new AssetCost(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, true);

    /** Cost per unit of what is held, or null when unknown or nothing is held through fills. */
    BigDecimal averageCost() {
        return known && quantity.signum() > 0 ? cost.divide(quantity, Decimals.MC) : null;
    }
}
