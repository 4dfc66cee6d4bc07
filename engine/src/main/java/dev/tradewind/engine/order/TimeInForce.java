package dev.tradewind.engine.order;

/** Time in force. Enum order is part of the journal format (see CommandCodec): append only. */
public enum TimeInForce {
    /** Rests until filled or cancelled. */
    GTC,
    /** Fills what it can immediately; the remainder expires. */
    IOC,
    /** Fills completely and immediately, or is rejected without any fill. */
    FOK,
    /** Rests as a maker only; rejected if it would trade on entry. */
    POST_ONLY
}
