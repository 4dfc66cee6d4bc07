package dev.tradewind.engine.instrument;

import java.math.BigDecimal;

/**
 * A positive decimal step (tick size or lot size) held exactly as {@code units × 10^-scale}, so the
 * engine's rules never depend on floating point or on {@code BigDecimal}.
 *
 * @param units positive
 * @param scale 0..18
 */
public record Increment(long units, int scale) {
    public static final int MAX_SCALE = 18;

    public Increment {
        if (units <= 0 || scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException(
                    "an increment needs units > 0 and scale 0.." + MAX_SCALE + ", got units=" + units + " scale=" + scale);
        }
    }

    /** Parses {@code "0.01"} exactly (edge use only); trailing zeros are dropped. */
    public static Increment parse(String text) {
        BigDecimal value = Decimals.parseUnsigned(text).stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        if (value.scale() > MAX_SCALE) {
            throw new InvalidDecimalException(DecimalError.NUMBER_TOO_LARGE, "increment " + text + " has more than " + MAX_SCALE + " decimals");
        }
        try {
            return new Increment(value.unscaledValue().longValueExact(), value.scale());
        } catch (ArithmeticException e) {
            throw new InvalidDecimalException(DecimalError.NUMBER_TOO_LARGE, "increment " + text + " does not fit in a long");
        }
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(units, scale);
    }

    @Override
    public String toString() {
        return toBigDecimal().toPlainString();
    }
}
