package dev.tradewind.engine.event;

/** Why the engine closed the rest of an order by itself. */
public enum ExpiryReason {
    /** IOC or market remainder once no acceptable liquidity was left (market orders stop at the price band). */
    UNFILLED_REMAINDER,
    /** The next maker was the taker's own order (self-trade prevention expires the taker). */
    SELF_TRADE_PREVENTED,
    /** A market buy spent all the quote it had available. */
    FUNDS_EXHAUSTED,
    /** A triggered FOK stop could not fill completely, so it did not fill at all. */
    FOK_NOT_FILLABLE
}
