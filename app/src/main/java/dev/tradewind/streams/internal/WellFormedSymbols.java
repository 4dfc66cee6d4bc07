package dev.tradewind.streams.internal;

import dev.tradewind.streams.Channel;
import dev.tradewind.streams.SymbolDirectory;

/**
 * The {@link SymbolDirectory} until the market-data module provides one: every well-formed symbol
 * exists, so clients may subscribe to a market before its first update.
 */
final class WellFormedSymbols implements SymbolDirectory {
    @Override
    public boolean exists(String symbol) {
        return Channel.isWellFormedSymbol(symbol);
    }
}
