package dev.tradewind.streams;

/**
 * Whether a symbol is listed, asked when a session subscribes to one of its public channels
 * (an unlisted one is {@code UNKNOWN_CHANNEL}). The market-data module implements it as a Spring bean;
 * without one, every well-formed symbol ({@link Channel#isWellFormedSymbol}) is accepted.
 */
public interface SymbolDirectory {

    /** @param symbol well-formed, e.g. {@code BTC-USD}; halted instruments still exist */
    boolean exists(String symbol);
}
