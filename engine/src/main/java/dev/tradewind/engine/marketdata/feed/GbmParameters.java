package dev.tradewind.engine.marketdata.feed;

/**
 * Geometric Brownian motion of one instrument for the synthetic feed.
 *
 * @param symbol               a symbol of the {@code SymbolTable}
 * @param initialPrice         starting mid price (decimal; rounded to the tick grid)
 * @param drift                annualized drift μ (e.g. 0.05)
 * @param volatility           annualized volatility σ (e.g. 0.6 for a crypto pair)
 * @param updatesPerSecond     event rate of this instrument (quotes + trades + reference ticks)
 * @param halfSpreadTicks      quotes are {@code mid ± halfSpreadTicks}; trades print at the bid or ask
 * @param tradeProbability     share of events that are trades
 * @param referenceProbability share of events that are reference ticks (at the mid); the rest are quotes
 * @param maxLots              trade and quote sizes are uniform in {@code 1..maxLots}
 */
public record GbmParameters(String symbol, double initialPrice, double drift, double volatility,
                            double updatesPerSecond, int halfSpreadTicks, double tradeProbability,
                            double referenceProbability, long maxLots) {
    public GbmParameters {
        if (!(initialPrice > 0) || !(volatility >= 0) || !(updatesPerSecond > 0) || halfSpreadTicks < 0
                || tradeProbability < 0 || referenceProbability < 0 || tradeProbability + referenceProbability > 1
                || maxLots < 1 || !Double.isFinite(drift)) {
            throw new IllegalArgumentException("invalid GBM parameters for " + symbol
                    + ": need price > 0, volatility >= 0, rate > 0, spread >= 0, probabilities in [0,1] summing to <= 1, maxLots >= 1");
        }
    }

    /** Sensible demo defaults: 60 % volatility, no drift, 1 tick half-spread, 30 % trades, 10 % reference ticks. */
    public static GbmParameters demo(String symbol, double initialPrice, double updatesPerSecond, long maxLots) {
        return new GbmParameters(symbol, initialPrice, 0.0, 0.6, updatesPerSecond, 1, 0.3, 0.1, maxLots);
    }
}
