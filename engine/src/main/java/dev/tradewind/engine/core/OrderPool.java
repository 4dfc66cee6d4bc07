package dev.tradewind.engine.core;

import dev.tradewind.engine.book.Order;
import dev.tradewind.engine.book.StopOrder;

/**
 * Recycles closed plain orders so that the place/cancel churn of a busy book does not feed the
 * garbage collector. Bounded, so a drained book does not pin its peak memory.
 */
final class OrderPool {
    private static final int MAX_POOLED = 1 << 16;
    private final Order[] pooled = new Order[MAX_POOLED];
    private int count;

    Order take() {
        return count > 0 ? pooled[--count] : new Order();
    }

    void recycle(Order order) {
        order.clear();
        if (count < MAX_POOLED && !(order instanceof StopOrder)) {
            pooled[count++] = order;
        }
    }
}
