package dev.tradewind.portfolio.internal;

import java.math.BigDecimal;

/**
 * One holding, valued (exact values; rounding happens in the response). Null means unknown:
 * {@code price} and {@code marketValue} when the asset has no USD price; {@code averageCost} and
 * {@code unrealizedPnl} when no fill bought it (or its cost is unknown) or it has no price.
 *
 * @param quantity      held quantity, from {@code HoldingsSource}
 * @param unrealizedPnl (price − averageCost) × quantity
 * @param realizedPnl   from sells of this asset (see {@link AverageCostBook})
 */
record Position(String asset, BigDecimal quantity, BigDecimal price, BigDecimal marketValue,
                BigDecimal averageCost, BigDecimal unrealizedPnl, BigDecimal realizedPnl) {
}
