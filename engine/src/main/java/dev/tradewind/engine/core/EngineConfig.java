package dev.tradewind.engine.core;

/**
 * Sizing hints (they change memory and speed, never behaviour or the state hash).
 *
 * @param expectedOpenOrders initial capacity of the order index, avoids rehashing a large book
 * @param expectedAccounts   initial capacity of the account directory
 */
public record EngineConfig(int expectedOpenOrders, int expectedAccounts) {
    /** Small enough to stay in cache for a modest book; the index grows as needed. */
    public static final EngineConfig DEFAULT = new EngineConfig(1 << 12, 1 << 12);
}
