package dev.tradewind.engine.risk;

/**
 * Pre-trade limits of one instrument; 0 disables a limit.
 *
 * @param priceBandBps 0..10000: limit prices must lie within ± this many basis points of the reference price
 *                     (also the furthest a market order may trade); no band until a reference price
 *                     has been set
 * @param maxQuantity  largest order quantity, in lots
 * @param maxNotional  largest order notional (limit or stop price × quantity), quote minor units
 */
public record RiskLimits(int priceBandBps, long maxQuantity, long maxNotional) {
    public static final RiskLimits NONE = new RiskLimits(0, 0, 0);

    public boolean isValid() {
        return priceBandBps >= 0 && priceBandBps <= Fees.MAX_BPS && maxQuantity >= 0 && maxNotional >= 0;
    }

    /** Lowest and highest price allowed around {@code reference} (ticks); {@code [1, MAX]} without a band. */
    public long bandLow(long reference) {
        if (priceBandBps == 0 || reference <= 0) {
            return 1;
        }
        return Math.max(1, reference - bandWidth(reference));
    }

    public long bandHigh(long reference) {
        if (priceBandBps == 0 || reference <= 0) {
            return Long.MAX_VALUE;
        }
        long high = reference + bandWidth(reference);
        return high < 0 ? Long.MAX_VALUE : high;
    }

    private long bandWidth(long reference) {
        return Fees.fee(reference, priceBandBps);
    }
}
