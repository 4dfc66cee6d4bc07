package dev.tradewind.engine.query;

import dev.tradewind.engine.instrument.InstrumentStatus;

/**
 * BBO and prices of one instrument; prices in ticks, 0 when absent.
 *
 * @param marketPrice the price stops watch: the most recent of the last trade and the reference price
 */
public record MarketSnapshot(int instrumentId, InstrumentStatus status, long bestBid, long bestBidQuantity, long bestAsk,
                             long bestAskQuantity, long lastTradePrice, long referencePrice, long marketPrice, long sequence) {
}
