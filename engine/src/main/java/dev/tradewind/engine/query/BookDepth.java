package dev.tradewind.engine.query;

import java.util.List;

/**
 * Top levels of a book, best first, as of {@code sequence}: apply BookLevelChanged events with a
 * greater sequence to keep it current.
 */
public record BookDepth(int instrumentId, long sequence, List<PriceLevel> bids, List<PriceLevel> asks) {
}
