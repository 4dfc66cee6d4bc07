package dev.tradewind.engine.marketdata;

/** Side of the aggressor (taker) of a trade: {@code BUY} lifted the ask, {@code SELL} hit the bid. */
public enum TakerSide {
    BUY,
    SELL;

    /** {@code 'B'} or {@code 'S'}, as in the fast text format. */
    public char code() {
        return this == BUY ? 'B' : 'S';
    }
}
