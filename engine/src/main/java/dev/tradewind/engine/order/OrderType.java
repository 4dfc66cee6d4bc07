package dev.tradewind.engine.order;

/** Order type. Enum order is part of the journal format (see CommandCodec): append only. */
public enum OrderType {
    LIMIT,
    MARKET,
    STOP_LIMIT,
    STOP_MARKET;

    public boolean isStop() {
        return this == STOP_LIMIT || this == STOP_MARKET;
    }

    /** Whether the order carries a limit price (after triggering, for stops). */
    public boolean isPriced() {
        return this == LIMIT || this == STOP_LIMIT;
    }
}
