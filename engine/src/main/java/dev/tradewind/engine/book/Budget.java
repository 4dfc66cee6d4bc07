package dev.tradewind.engine.book;

/**
 * Caps how much a taker may take, level by level. This is how a market buy is bounded by the quote
 * it can pay for without the book knowing about balances or fees.
 */
@FunctionalInterface
public interface Budget {
    Budget UNLIMITED = (price, offered) -> offered;

    /**
     * Returns how many of the {@code offered} lots the taker may take at {@code price} (0..offered)
     * and consumes the budget for them.
     */
    long take(long price, long offered);
}
