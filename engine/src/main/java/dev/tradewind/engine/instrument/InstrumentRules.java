package dev.tradewind.engine.instrument;

/**
 * Validates a new instrument against its assets' scales (the rule is on {@link Instrument}) with
 * exact {@code long} arithmetic, so the check itself is deterministic and allocation-free.
 */
public final class InstrumentRules {
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private InstrumentRules() {
    }

    /**
     * Returns the instrument, or null when the increments cannot be expressed exactly in the assets'
     * minor units (or the derived multipliers overflow a long).
     */
    public static Instrument define(
            int id, String symbol, Asset base, Asset quote, Increment tickSize, Increment lotSize, long minQuantity) {
        long basePerLot = scaleExactly(lotSize.units(), base.scale() - lotSize.scale());
        if (basePerLot <= 0) {
            return null;
        }
        long tickLotUnits;
        try {
            tickLotUnits = Math.multiplyExact(tickSize.units(), lotSize.units());
        } catch (ArithmeticException e) {
            return null;
        }
        long quotePerTickLot = scaleExactly(tickLotUnits, quote.scale() - tickSize.scale() - lotSize.scale());
        if (quotePerTickLot <= 0) {
            return null;
        }
        return new Instrument(id, symbol, base.id(), quote.id(), tickSize, lotSize, minQuantity, basePerLot, quotePerTickLot);
    }

    /** {@code value × 10^exponent} when that is a whole number fitting a long, otherwise -1. */
    static long scaleExactly(long value, int exponent) {
        if (exponent >= 0) {
            if (exponent >= POWERS_OF_TEN.length) {
                return -1;
            }
            try {
                return Math.multiplyExact(value, POWERS_OF_TEN[exponent]);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        if (-exponent >= POWERS_OF_TEN.length) {
            return -1;
        }
        long divisor = POWERS_OF_TEN[-exponent];
        return value % divisor == 0 ? value / divisor : -1;
    }
}
