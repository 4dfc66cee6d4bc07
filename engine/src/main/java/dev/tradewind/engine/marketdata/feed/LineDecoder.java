package dev.tradewind.engine.marketdata.feed;

import dev.tradewind.engine.marketdata.MarketUpdate;

/**
 * Turns one text line of a replay file into an update. Stateful decoders (CSV with a header) get the
 * lines in file order, from one thread.
 */
@FunctionalInterface
public interface LineDecoder {
    /**
     * @return the update, or null for a line that carries none (blank, comment, header)
     * @throws BadInputException when the line is unusable (counted and skipped by the feed)
     */
    MarketUpdate decode(String line) throws BadInputException;
}
