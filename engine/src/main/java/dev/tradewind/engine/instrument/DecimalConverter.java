package dev.tradewind.engine.instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The only place where decimal strings meet the engine's integer units (the API sends decimals as
 * strings). Input is converted exactly or refused with an {@link InvalidDecimalException} carrying a
 * stable code; nothing is ever rounded on the way in.
 */
public final class DecimalConverter {
    private DecimalConverter() {
    }

    /** Price string → ticks. Codes: INVALID_NUMBER, NOT_POSITIVE, NUMBER_TOO_LARGE, PRICE_OFF_TICK. */
    public static long priceTicks(Instrument instrument, String price) {
        BigDecimal value = Decimals.parseUnsigned(price);
        return wholeMultiple(value, instrument.tickSize(), DecimalError.PRICE_OFF_TICK, "price", price);
    }

    /**
     * Quantity string → lots. Codes: INVALID_NUMBER, NOT_POSITIVE, NUMBER_TOO_LARGE, QUANTITY_OFF_LOT,
     * QUANTITY_TOO_SMALL.
     */
    public static long quantityLots(Instrument instrument, String quantity) {
        BigDecimal value = Decimals.parseUnsigned(quantity);
        long lots = wholeMultiple(value, instrument.lotSize(), DecimalError.QUANTITY_OFF_LOT, "quantity", quantity);
        if (lots < instrument.minQuantity()) {
            throw new InvalidDecimalException(DecimalError.QUANTITY_TOO_SMALL, "quantity " + quantity + " is below the minimum "
                    + formatQuantity(instrument, instrument.minQuantity()) + " of " + instrument.symbol());
        }
        return lots;
    }

    /** Positive amount string → minor units. Codes: INVALID_NUMBER, NOT_POSITIVE, NUMBER_TOO_LARGE, AMOUNT_OFF_SCALE. */
    public static long amountMinor(Asset asset, String amount) {
        return toMinor(asset, Decimals.parseUnsigned(amount), amount);
    }

    /** Signed, non-zero amount string → minor units (admin adjustments). Adds ZERO_AMOUNT. */
    public static long signedAmountMinor(Asset asset, String amount) {
        BigDecimal value = Decimals.parseSigned(amount);
        if (value.signum() == 0) {
            throw new InvalidDecimalException(DecimalError.ZERO_AMOUNT, "an adjustment of zero changes nothing");
        }
        return toMinor(asset, value, amount);
    }

    public static String formatPrice(Instrument instrument, long ticks) {
        return scaled(ticks, instrument.tickSize()).toPlainString();
    }

    public static String formatQuantity(Instrument instrument, long lots) {
        return scaled(lots, instrument.lotSize()).toPlainString();
    }

    public static String formatAmount(Asset asset, long minorUnits) {
        return BigDecimal.valueOf(minorUnits, asset.scale()).toPlainString();
    }

    /**
     * Volume-weighted average fill price for display: {@code filledValue} is Σ price ticks × lots.
     * The only rounding in this class (half-even, 8 decimals beyond the tick), and only on output.
     */
    public static String formatAveragePrice(Instrument instrument, long filledValue, long filledLots) {
        if (filledLots == 0) {
            return null;
        }
        BigDecimal ticks = BigDecimal.valueOf(filledValue)
                .divide(BigDecimal.valueOf(filledLots), instrument.tickSize().scale() + 8, RoundingMode.HALF_EVEN);
        return ticks.multiply(instrument.tickSize().toBigDecimal()).stripTrailingZeros().toPlainString();
    }

    private static BigDecimal scaled(long count, Increment increment) {
        BigDecimal value = BigDecimal.valueOf(count).multiply(increment.toBigDecimal());
        // Show at least the increment's decimals so "42000.50" keeps its trailing zero.
        return value.setScale(Math.max(value.stripTrailingZeros().scale(), increment.scale()), RoundingMode.UNNECESSARY);
    }

    private static long wholeMultiple(BigDecimal value, Increment step, DecimalError offStep, String what, String text) {
        BigDecimal[] quotientAndRemainder = value.divideAndRemainder(step.toBigDecimal());
        if (quotientAndRemainder[1].signum() != 0) {
            throw new InvalidDecimalException(offStep, what + " " + Decimals.abbreviate(text) + " is not a multiple of " + step);
        }
        return exactLong(quotientAndRemainder[0], what, text);
    }

    private static long toMinor(Asset asset, BigDecimal value, String text) {
        BigDecimal minor = value.movePointRight(asset.scale());
        if (minor.stripTrailingZeros().scale() > 0) {
            throw new InvalidDecimalException(DecimalError.AMOUNT_OFF_SCALE,
                    "amount " + Decimals.abbreviate(text) + " has more than " + asset.scale() + " decimals for " + asset.code());
        }
        return exactLong(minor, "amount", text);
    }

    private static long exactLong(BigDecimal whole, String what, String text) {
        try {
            return whole.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidDecimalException(DecimalError.NUMBER_TOO_LARGE, what + " " + Decimals.abbreviate(text) + " is too large");
        }
    }
}
