package dev.tradewind.engine.event;

import dev.tradewind.engine.order.Side;

/**
 * A maker and a taker traded at the maker's price. Fees are in quote minor units and were credited
 * to the fee account; the remaining quantities tell consumers whether either order is now filled.
 */
public record TradeExecuted(long sequence, long timestamp, long tradeId, int instrumentId, long price, long quantity,
                            Side takerSide,
                            long makerOrderId, long makerAccountId, long makerFee, long makerRemaining,
                            long takerOrderId, long takerAccountId, long takerFee, long takerRemaining)
        implements EngineEvent {
}
