package dev.tradewind.engine.book;

import dev.tradewind.engine.order.Side;

/** Told about every change of a price level's total quantity: the source of incremental L2 updates. */
@FunctionalInterface
public interface LevelListener {
    LevelListener NONE = (side, price, quantity) -> { };

    /** @param quantity the level's new total open quantity in lots, 0 when the level disappeared */
    void onLevelChanged(Side side, long price, long quantity);
}
