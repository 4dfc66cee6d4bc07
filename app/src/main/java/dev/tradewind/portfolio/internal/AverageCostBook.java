package dev.tradewind.portfolio.internal;

import dev.tradewind.portfolio.Fill;
import dev.tradewind.portfolio.PriceSource;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted average cost per asset from a user's fills, in USD (method in {@code docs/portfolio.md}):
 * <ul>
 * <li><b>Buy</b> of {@code q} at {@code p}: quantity += q, cost += p·q. A fee in USD is added to the
 * cost; a fee in the bought asset reduces the quantity received instead (so it raises the average
 * cost the same way).</li>
 * <li><b>Sell</b> of {@code q} at {@code p}: the units leaving (q, plus the fee when it is charged in
 * the sold asset) leave at the average cost: cost −= avg·units, quantity −= units, and
 * realized P&amp;L += p·q − USD fee − avg·units. Selling does not change the average cost.</li>
 * <li>Units sold beyond what fills bought (they came in by deposit or adjustment) have no known cost:
 * the position is closed at zero and the excess contributes nothing to realized P&amp;L.</li>
 * <li>A fee in a third asset is not counted (it cannot be valued at the time of the trade).</li>
 * <li>A fill not quoted in USD makes both its assets' cost unknown.</li>
 * </ul>
 */
final class AverageCostBook {
    private final Map<String, Lot> lots = new HashMap<>();

    private static final class Lot {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;
        boolean known = true;

        AssetCost snapshot() {
            return new AssetCost(quantity, cost, realized, known);
        }
    }

    static Map<String, AssetCost> of(List<Fill> fills) {
        AverageCostBook book = new AverageCostBook();
        fills.forEach(book::apply);
        Map<String, AssetCost> costs = new HashMap<>();
        book.lots.forEach((asset, lot) -> costs.put(asset, lot.snapshot()));
        return costs;
    }

    void apply(Fill fill) {
        Lot lot = lots.computeIfAbsent(fill.baseAsset(), a -> new Lot());
        if (!PriceSource.QUOTE_ASSET.equals(fill.quoteAsset())) {
            lot.known = false;
            lots.computeIfAbsent(fill.quoteAsset(), a -> new Lot()).known = false;
            return;
        }
        BigDecimal notional = fill.price().multiply(fill.quantity(), Decimals.MC);
        boolean feeInBase = fill.feeAsset().equals(fill.baseAsset());
        boolean feeInUsd = fill.feeAsset().equals(PriceSource.QUOTE_ASSET);
        switch (fill.side()) {
            case BUY -> {
                BigDecimal received = feeInBase ? fill.quantity().subtract(fill.fee(), Decimals.MC) : fill.quantity();
                lot.quantity = lot.quantity.add(received, Decimals.MC);
                lot.cost = lot.cost.add(feeInUsd ? notional.add(fill.fee(), Decimals.MC) : notional, Decimals.MC);
            }
            case SELL -> {
                BigDecimal leaving = feeInBase ? fill.quantity().add(fill.fee(), Decimals.MC) : fill.quantity();
                BigDecimal proceeds = feeInUsd ? notional.subtract(fill.fee(), Decimals.MC) : notional;
                BigDecimal covered = leaving.min(lot.quantity);
                if (covered.signum() <= 0) {
                    return; // nothing bought through fills to sell against
                }
                BigDecimal average = lot.cost.divide(lot.quantity, Decimals.MC);
                BigDecimal costOut = average.multiply(covered, Decimals.MC);
                // when only part of what left had a known cost, only that part's proceeds count
                BigDecimal coveredProceeds = covered.compareTo(leaving) == 0 ? proceeds
                        : proceeds.multiply(covered, Decimals.MC).divide(leaving, Decimals.MC);
                lot.realized = lot.realized.add(coveredProceeds.subtract(costOut, Decimals.MC), Decimals.MC);
                lot.quantity = lot.quantity.subtract(covered, Decimals.MC);
                lot.cost = lot.quantity.signum() == 0 ? BigDecimal.ZERO : lot.cost.subtract(costOut, Decimals.MC);
            }
        }
    }
}
