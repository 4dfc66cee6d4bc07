package dev.tradewind.trading.internal;

import dev.tradewind.engine.order.OrderStatus;
import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;

/** An order as the persister tracks it between events, in engine units; copied before each change. */
final class OrderState {
    final long orderId;
    final long accountId;
    final int instrumentId;
    final String clientOrderId;
    final Side side;
    final OrderType type;
    final TimeInForce timeInForce;
    final long createdMicros;
    long price;
    long stopPrice;
    long quantity;
    long filledQuantity;
    long filledValue;
    OrderStatus status;
    long updatedMicros;
    long lastSequence;

    OrderState(long orderId, long accountId, int instrumentId, String clientOrderId, Side side, OrderType type,
               TimeInForce timeInForce, long createdMicros) {
        this.orderId = orderId;
        this.accountId = accountId;
        this.instrumentId = instrumentId;
        this.clientOrderId = clientOrderId;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.createdMicros = createdMicros;
    }

    OrderState copy() {
        OrderState c = new OrderState(orderId, accountId, instrumentId, clientOrderId, side, type, timeInForce,
                createdMicros);
        c.price = price;
        c.stopPrice = stopPrice;
        c.quantity = quantity;
        c.filledQuantity = filledQuantity;
        c.filledValue = filledValue;
        c.status = status;
        c.updatedMicros = updatedMicros;
        c.lastSequence = lastSequence;
        return c;
    }
}
