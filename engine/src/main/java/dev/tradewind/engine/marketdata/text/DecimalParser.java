package dev.tradewind.engine.marketdata.text;

/**
 * Parses unsigned decimal text straight into a scaled {@code long}, exactly and without allocation.
 *
 * <p>Accepted: {@code digits[.digits]} (ASCII, at least one digit on each side of the point, no sign,
 * no exponent). The value is scaled to {@code scale} decimals and divided by {@code step} (the
 * increment's units): {@code parse("42000.50", scale 2, step 1) == 4200050}. Digits beyond
 * {@code scale} must be zeros ({@code "0.01000000"} is fine at scale 2): venues pad with zeros, but
 * a non-zero digit there would need rounding, which market data never does.
 *
 * <p>Results are ≥ 0; failures are negative codes, so the hot path needs no exception or object.
 */
public final class DecimalParser {
    /** Not a decimal number (empty, letters, NaN, exponent, stray characters). */
    public static final long MALFORMED = -1;
    /** A non-zero digit beyond the instrument's scale. */
    public static final long OVER_PRECISION = -2;
    /** Does not fit in a {@code long} at this scale. */
    public static final long OVERFLOW = -3;
    /** Starts with {@code '-'}. */
    public static final long NEGATIVE = -4;
    /** Exact at this scale but not a whole number of steps (ticks/lots). */
    public static final long OFF_GRID = -5;

    private static final long LIMIT = Long.MAX_VALUE / 10;
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private DecimalParser() {
    }

    /** Parses ASCII bytes {@code [from, to)}. */
    public static long parse(byte[] text, int from, int to, int scale, long step) {
        if (from >= to) {
            return MALFORMED;
        }
        int i = from;
        if (text[i] == '-') {
            return NEGATIVE;
        }
        long m = 0;
        int intDigits = 0;
        while (i < to) {
            int d = text[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            if (m > LIMIT) {
                return OVERFLOW;
            }
            m = m * 10 + d;
            if (m < 0) {
                return OVERFLOW;
            }
            intDigits++;
            i++;
        }
        if (intDigits == 0) {
            return MALFORMED;
        }
        int frac = 0;
        if (i < to) {
            if (text[i] != '.' || ++i == to) {
                return MALFORMED;
            }
            boolean over = false;
            while (i < to) {
                int d = text[i] - '0';
                if (d < 0 || d > 9) {
                    return MALFORMED;
                }
                if (frac < scale) {
                    if (m > LIMIT) {
                        return OVERFLOW;
                    }
                    m = m * 10 + d;
                    if (m < 0) {
                        return OVERFLOW;
                    }
                    frac++;
                } else if (d != 0) {
                    over = true;
                }
                i++;
            }
            if (over) {
                return OVER_PRECISION;
            }
        }
        return finish(m, scale - frac, step);
    }

    /** Parses characters {@code [from, to)} of {@code text}; same rules as the byte form. */
    public static long parse(CharSequence text, int from, int to, int scale, long step) {
        if (from >= to) {
            return MALFORMED;
        }
        int i = from;
        if (text.charAt(i) == '-') {
            return NEGATIVE;
        }
        long m = 0;
        int intDigits = 0;
        while (i < to) {
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) {
                break;
            }
            if (m > LIMIT) {
                return OVERFLOW;
            }
            m = m * 10 + d;
            if (m < 0) {
                return OVERFLOW;
            }
            intDigits++;
            i++;
        }
        if (intDigits == 0) {
            return MALFORMED;
        }
        int frac = 0;
        if (i < to) {
            if (text.charAt(i) != '.' || ++i == to) {
                return MALFORMED;
            }
            boolean over = false;
            while (i < to) {
                int d = text.charAt(i) - '0';
                if (d < 0 || d > 9) {
                    return MALFORMED;
                }
                if (frac < scale) {
                    if (m > LIMIT) {
                        return OVERFLOW;
                    }
                    m = m * 10 + d;
                    if (m < 0) {
                        return OVERFLOW;
                    }
                    frac++;
                } else if (d != 0) {
                    over = true;
                }
                i++;
            }
            if (over) {
                return OVER_PRECISION;
            }
        }
        return finish(m, scale - frac, step);
    }

    private static long finish(long m, int pad, long step) {
        if (pad > 0) {
            long p = POW10[pad];
            if (m > Long.MAX_VALUE / p) {
                return OVERFLOW;
            }
            m *= p;
        }
        if (step != 1) {
            if (m % step != 0) {
                return OFF_GRID;
            }
            m /= step;
        }
        return m;
    }

    /** Parses a signed decimal integer (no point) from ASCII bytes, or returns {@link #MALFORMED}/{@link #OVERFLOW}/{@link #NEGATIVE}. */
    public static long parseUnsignedLong(byte[] text, int from, int to) {
        if (from >= to || to - from > 19) {
            return from >= to ? MALFORMED : (text[from] == '-' ? NEGATIVE : OVERFLOW);
        }
        if (text[from] == '-') {
            return NEGATIVE;
        }
        long m = 0;
        for (int i = from; i < to; i++) {
            int d = text[i] - '0';
            if (d < 0 || d > 9) {
                return MALFORMED;
            }
            m = m * 10 + d;
            if (m < 0) {
                return OVERFLOW;
            }
        }
        return m;
    }

    /** Writes {@code mantissa × 10^-scale} as plain decimal text ({@code 4200050, 2 → "42000.50"}). */
    public static String format(long mantissa, int scale) {
        StringBuilder out = new StringBuilder(24);
        appendFormatted(out, mantissa, scale);
        return out.toString();
    }

    public static void appendFormatted(StringBuilder out, long mantissa, int scale) {
        if (mantissa < 0) {
            out.append('-');
            if (mantissa == Long.MIN_VALUE) {
                throw new ArithmeticException("cannot format Long.MIN_VALUE");
            }
            mantissa = -mantissa;
        }
        if (scale == 0) {
            out.append(mantissa);
            return;
        }
        long p = POW10[scale];
        out.append(mantissa / p).append('.');
        String frac = Long.toString(mantissa % p);
        for (int i = frac.length(); i < scale; i++) {
            out.append('0');
        }
        out.append(frac);
    }

    /** A message for a negative code, for logs and exceptions. */
    public static String describe(long code) {
        return switch ((int) code) {
            case (int) MALFORMED -> "not a decimal number";
            case (int) OVER_PRECISION -> "more decimals than the instrument allows";
            case (int) OVERFLOW -> "too large";
            case (int) NEGATIVE -> "negative";
            case (int) OFF_GRID -> "not on the tick/lot grid";
            default -> "valid";
        };
    }
}
