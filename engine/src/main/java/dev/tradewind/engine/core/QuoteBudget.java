package dev.tradewind.engine.core;

import dev.tradewind.engine.book.Budget;
import dev.tradewind.engine.risk.Fees;

/**
 * Bounds a market buy by the quote its account has available: at each maker it takes the largest
 * quantity whose notional plus taker fee still fits in what is left. Reused to avoid allocation.
 */
final class QuoteBudget implements Budget {
    private long remaining;
    private long quotePerTickLot;
    private int feeBps;

    QuoteBudget reset(long available, long quotePerTickLot, int feeBps) {
        this.remaining = Math.max(0, available);
        this.quotePerTickLot = quotePerTickLot;
        this.feeBps = feeBps;
        return this;
    }

    /** Quote minor units a buy of {@code lots} at {@code price} costs, taker fee included. */
    static long cost(long price, long lots, long quotePerTickLot, int feeBps) {
        long notional = Math.multiplyExact(Math.multiplyExact(price, lots), quotePerTickLot);
        return Math.addExact(notional, Fees.fee(notional, feeBps));
    }

    @Override
    public long take(long price, long offered) {
        long unit = Math.multiplyExact(price, quotePerTickLot);
        long high = Math.min(offered, remaining / unit);
        if (high <= 0) {
            return 0;
        }
        long taken;
        if (cost(price, high, quotePerTickLot, feeBps) <= remaining) {
            taken = high;
        } else {
            // cost() is monotonic in lots: bisect for the largest affordable quantity.
            long low = 0;
            while (low < high) {
                long mid = (low + high + 1) >>> 1;
                if (cost(price, mid, quotePerTickLot, feeBps) <= remaining) {
                    low = mid;
                } else {
                    high = mid - 1;
                }
            }
            taken = low;
        }
        if (taken > 0) {
            remaining -= cost(price, taken, quotePerTickLot, feeBps);
        }
        return taken;
    }
}
