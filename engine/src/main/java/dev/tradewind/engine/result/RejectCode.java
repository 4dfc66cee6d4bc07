package dev.tradewind.engine.result;

/**
 * Why the engine refused a command. The name is the stable code the app passes to clients (it
 * matches API.md where API.md names one). A rejected command never changes engine state.
 */
public enum RejectCode {
    // --- orders
    UNKNOWN_INSTRUMENT,
    INSTRUMENT_HALTED,
    /** Orders need an account id above 0; 0 is the fee account. */
    INVALID_ACCOUNT,
    /** Missing side, type or time in force. */
    INVALID_ORDER,
    /** Limit price missing or not positive, or a price given for a market order. */
    INVALID_PRICE,
    /** Stop price missing on a stop order, or given on a non-stop order. */
    INVALID_STOP_PRICE,
    /** Quantity not positive, or a replace quantity not above what is already filled. */
    INVALID_QUANTITY,
    /** The time in force does not apply to the type (e.g. a GTC or POST_ONLY market order). */
    INVALID_TIME_IN_FORCE,
    QUANTITY_TOO_SMALL,
    QUANTITY_TOO_LARGE,
    /** Above the instrument's maximum notional, or price × quantity overflows. */
    NOTIONAL_TOO_LARGE,
    PRICE_OUT_OF_BAND,
    INSUFFICIENT_FUNDS,
    POST_ONLY_WOULD_TAKE,
    FOK_NOT_FILLABLE,
    /** No such open order for this account (another account's order is unknown too). */
    UNKNOWN_ORDER,
    /** The id was an order of this engine's past that is no longer open (or never was an order). */
    ORDER_NOT_OPEN,
    /** Pending stops cannot be replaced: cancel and place again. */
    ORDER_NOT_REPLACEABLE,

    // --- money
    UNKNOWN_ASSET,
    INVALID_AMOUNT,
    INVALID_REFERENCE,
    /** The reference was already used by a different command. */
    DUPLICATE_REFERENCE,
    UNKNOWN_REFERENCE,
    /** Confirm/release of a withdrawal hold that was already finalised the other way. */
    WITHDRAWAL_NOT_HELD,
    /** The credit would overflow the asset's total supply. */
    BALANCE_OVERFLOW,

    // --- administration
    DUPLICATE_ASSET,
    INVALID_ASSET,
    DUPLICATE_SYMBOL,
    /** Increments not expressible in the assets' minor units, bad minimum quantity or same assets. */
    INVALID_INSTRUMENT,
    INVALID_FEE,
    UNKNOWN_FEE_TIER,
    INVALID_RISK_LIMITS
}
