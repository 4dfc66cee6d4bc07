package dev.tradewind.engine.instrument;

/** Stable codes for decimal input refused at the edge; the name is the code clients see. */
public enum DecimalError {
    /** Not plain decimal notation: empty, letters, exponent, spaces, a lone or doubled point. */
    INVALID_NUMBER,
    /** Zero or negative where only positive values make sense. */
    NOT_POSITIVE,
    /** Does not fit the engine's {@code long} units. */
    NUMBER_TOO_LARGE,
    /** Not a whole number of ticks. */
    PRICE_OFF_TICK,
    /** Not a whole number of lots. */
    QUANTITY_OFF_LOT,
    /** Below the instrument's minimum quantity. */
    QUANTITY_TOO_SMALL,
    /** More decimals than the asset's minor unit. */
    AMOUNT_OFF_SCALE,
    /** A signed amount of zero. */
    ZERO_AMOUNT
}
