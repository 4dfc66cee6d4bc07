package dev.tradewind.engine.book;

/** Why matching stopped. */
public enum MatchStop {
    /** The taker's quantity is used up. */
    FILLED,
    /** No more opposite orders at or better than the taker's limit. */
    NO_LIQUIDITY,
    /** The next maker belongs to the taker's account (self-trade prevention: the taker stops). */
    SELF_TRADE,
    /** The budget allowed less than was offered. */
    BUDGET
}
