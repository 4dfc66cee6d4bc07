package dev.tradewind.engine.instrument;

import java.math.BigDecimal;

/** Strict decimal grammar shared by every edge conversion. */
final class Decimals {
    /** Longer input is refused before it reaches {@code BigDecimal}, so hostile strings cost nothing. */
    static final int MAX_LENGTH = 64;

    private Decimals() {
    }

    /**
     * Parses {@code [-]digits[.digits]}: no exponent, no '+', no spaces, no grouping, digits on both
     * sides of a point. Exponents are refused because API.md promises plain decimal strings and
     * {@code "1E+3"} is easy to mistype into a thousand-fold order.
     */
    static BigDecimal parseSigned(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidDecimalException(DecimalError.INVALID_NUMBER, "a number is required");
        }
        int length = text.length();
        int start = text.charAt(0) == '-' ? 1 : 0;
        int digitsBefore = 0;
        int digitsAfter = 0;
        boolean point = false;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (point) {
                    digitsAfter++;
                } else {
                    digitsBefore++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                throw new InvalidDecimalException(DecimalError.INVALID_NUMBER,
                        "'" + abbreviate(text) + "' is not a plain decimal number (digits with an optional '.', e.g. 42000.50)");
            }
        }
        if (digitsBefore == 0 || (point && digitsAfter == 0)) {
            throw new InvalidDecimalException(DecimalError.INVALID_NUMBER,
                    "'" + abbreviate(text) + "' needs digits on both sides of the decimal point");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidDecimalException(DecimalError.NUMBER_TOO_LARGE,
                    "a number may have at most " + MAX_LENGTH + " characters");
        }
        return new BigDecimal(text);
    }

    /** Like {@link #parseSigned} but zero and negatives are refused with {@code NOT_POSITIVE}. */
    static BigDecimal parseUnsigned(String text) {
        BigDecimal value = parseSigned(text);
        if (value.signum() <= 0) {
            throw new InvalidDecimalException(DecimalError.NOT_POSITIVE, "'" + abbreviate(text) + "' must be greater than zero");
        }
        return value;
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
