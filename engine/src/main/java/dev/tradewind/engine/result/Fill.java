package dev.tradewind.engine.result;

import dev.tradewind.engine.order.Liquidity;

/** One fill of an order: price in ticks, quantity in lots, fee in quote minor units. */
public record Fill(long tradeId, long price, long quantity, long fee, Liquidity liquidity) {
}
