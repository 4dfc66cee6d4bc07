package dev.tradewind.engine.query;

/** An L2 level: price in ticks, total open quantity in lots. */
public record PriceLevel(long price, long quantity) {
}
