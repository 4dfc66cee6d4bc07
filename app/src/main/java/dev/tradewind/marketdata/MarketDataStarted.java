package dev.tradewind.marketdata;

import java.util.List;

/**
 * The market-data pipeline runs for {@code symbols} and receives the configured feed and the
 * engine's trades; published again after it was rebuilt for a newly listed instrument.
 */
public record MarketDataStarted(String feed, List<String> symbols) {
}
