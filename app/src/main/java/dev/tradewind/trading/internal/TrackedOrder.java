package dev.tradewind.trading.internal;

import dev.tradewind.engine.order.OrderStatus;
import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.result.OrderSnapshot;
import java.util.UUID;

/**
 * An open order as the private-channel feed follows it from engine events (engine units). Only the
 * feed's thread touches it. {@code asOfSequence} is set for an order the feed met mid-life and loaded
 * from the engine: events up to that sequence are already in its state.
 */
final class TrackedOrder {
    final long orderId;
    final long accountId;
    final UUID userId;
    final int instrumentId;
    final String clientOrderId;
    final Side side;
    final OrderType type;
    final TimeInForce timeInForce;
    final long createdNanos; // 0: unknown
    final long asOfSequence;
    long price;
    long stopPrice;
    long quantity;
    long filledQuantity;
    long filledValue;
    OrderStatus status;

    TrackedOrder(long orderId, long accountId, UUID userId, int instrumentId, String clientOrderId, Side side,
                 OrderType type, TimeInForce timeInForce, long createdNanos, long asOfSequence) {
        this.orderId = orderId;
        this.accountId = accountId;
        this.userId = userId;
        this.instrumentId = instrumentId;
        this.clientOrderId = clientOrderId;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.createdNanos = createdNanos;
        this.asOfSequence = asOfSequence;
    }

    static TrackedOrder of(OrderSnapshot o, UUID userId, long asOfSequence) {
        TrackedOrder t = new TrackedOrder(o.orderId(), o.accountId(), userId, o.instrumentId(), o.clientOrderId(),
                o.side(), o.type(), o.timeInForce(), 0, asOfSequence);
        t.price = o.price();
        t.stopPrice = o.stopPrice();
        t.quantity = o.quantity();
        t.filledQuantity = o.filledQuantity();
        t.filledValue = o.filledValue();
        t.status = o.status();
        return t;
    }
}
