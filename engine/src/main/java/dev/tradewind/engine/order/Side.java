package dev.tradewind.engine.order;

/** Order side. Enum order is part of the journal format (see CommandCodec): append only. */
public enum Side {
    BUY,
    SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
