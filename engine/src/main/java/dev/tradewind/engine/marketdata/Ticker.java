package dev.tradewind.engine.marketdata;

/**
 * The ticker of one instrument (API.md {@code /markets/{symbol}/ticker}); prices in ticks, volume in
 * lots, 0 where nothing is known yet.
 *
 * @param last           last trade price
 * @param bid            best bid of the latest quote
 * @param ask            best ask of the latest quote
 * @param referencePrice latest reference tick
 * @param volume24h      traded lots in the rolling 24 h window (1-minute resolution)
 * @param open24h        first price (trade or reference) of that window
 * @param change24h      latest price minus {@code open24h}
 * @param timestamp      epoch ms of the latest update applied (or of the clock, when it advanced further)
 */
public record Ticker(String symbol, long last, long bid, long ask, long referencePrice, long volume24h,
                     long open24h, long change24h, long timestamp) {
}
