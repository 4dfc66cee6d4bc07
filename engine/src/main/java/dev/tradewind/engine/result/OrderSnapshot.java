package dev.tradewind.engine.result;

import dev.tradewind.engine.order.OrderStatus;
import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;

/**
 * An order's state at one moment (a copy: the engine recycles its live orders).
 *
 * @param filledValue Σ fill price (ticks) × fill quantity (lots); average price = filledValue / filledQuantity ticks
 * @param reserved    what the order holds now: quote minor units for a buy, base minor units for a sell
 * @param rejectCode  set only for status REJECTED
 */
public record OrderSnapshot(long orderId, long accountId, int instrumentId, String clientOrderId, Side side, OrderType type,
                            TimeInForce timeInForce, long price, long stopPrice, long quantity, long filledQuantity,
                            long filledValue, OrderStatus status, RejectCode rejectCode, long reserved) {

    public long remainingQuantity() {
        return status.isOpen() ? quantity - filledQuantity : 0;
    }
}
