package dev.tradewind.engine.risk;

/**
 * Fee and reservation arithmetic in quote minor units.
 *
 * <p>Fees are rounded down: {@code floor(notional × bps / 10000)}. Rounding in the trader's favour
 * is what makes reservations safe: floor is superadditive, so the fee reserved for a whole order
 * always covers the sum of the fees of its partial fills, and a buyer can never be charged more
 * than was set aside.
 */
public final class Fees {
    public static final int MAX_BPS = 10_000;
    private static final long BPS_DENOMINATOR = 10_000;

    private Fees() {
    }

    /** {@code floor(notional × bps / 10000)} without overflow for any notional ≥ 0 and 0 ≤ bps ≤ 10000. */
    public static long fee(long notional, int bps) {
        return notional / BPS_DENOMINATOR * bps + notional % BPS_DENOMINATOR * bps / BPS_DENOMINATOR;
    }

    /**
     * Quote a buy order must hold for {@code notional}: the notional plus the fee at the highest of
     * its maker/taker rates. Returns -1 when the sum overflows.
     */
    public static long buyReservation(long notional, int reserveBps) {
        long sum = notional + fee(notional, reserveBps);
        return sum < 0 ? -1 : sum;
    }
}
