package dev.tradewind.engine.order;

/** Which side of a trade an order was on. */
public enum Liquidity {
    MAKER,
    TAKER
}
