package dev.tradewind.engine.marketdata;

import dev.tradewind.engine.marketdata.text.DecimalParser;

/** Why a feed message or line was skipped; each is counted separately by {@link InputRejections}. */
public enum RejectReason {
    /** Not a line/JSON document of the expected shape (wrong field count, broken JSON, missing field). */
    MALFORMED,
    /** A message type the adapter does not know. */
    UNKNOWN_TYPE,
    /** A symbol with no {@link InstrumentScale}. */
    UNKNOWN_SYMBOL,
    /** A number that is not a plain decimal (letters, NaN, exponent, empty). */
    MALFORMED_NUMBER,
    /** A price (or bid/ask) that is zero or negative. */
    NON_POSITIVE_PRICE,
    /** A trade quantity that is zero or negative, or a negative quote size. */
    NON_POSITIVE_QUANTITY,
    /** A non-zero digit beyond the instrument's tick/lot precision: never rounded. */
    OVER_PRECISION,
    /** Exact, but not a whole number of ticks/lots. */
    OFF_TICK_GRID,
    /** Does not fit in a {@code long} of ticks/lots. */
    NUMBER_OVERFLOW,
    /** Bid above ask. */
    CROSSED_QUOTE,
    /** A bad or missing timestamp. */
    BAD_TIMESTAMP,
    /** A venue sequence/update id not above the last one seen: a duplicate or a late message. */
    STALE_SEQUENCE;

    /** Maps a negative {@link DecimalParser} code to a reason; {@code forPrice} picks the sign reason. */
    public static RejectReason ofDecimalError(long code, boolean forPrice) {
        if (code == DecimalParser.OVER_PRECISION) {
            return OVER_PRECISION;
        }
        if (code == DecimalParser.OFF_GRID) {
            return OFF_TICK_GRID;
        }
        if (code == DecimalParser.OVERFLOW) {
            return NUMBER_OVERFLOW;
        }
        if (code == DecimalParser.NEGATIVE) {
            return forPrice ? NON_POSITIVE_PRICE : NON_POSITIVE_QUANTITY;
        }
        return MALFORMED_NUMBER;
    }
}
