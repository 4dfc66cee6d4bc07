package dev.tradewind.engine.event;

import dev.tradewind.engine.order.OrderStatus;
import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;

/** An order passed every check; {@code status} is NEW, or PENDING_TRIGGER for stops. */
public record OrderAccepted(long sequence, long timestamp, long orderId, long accountId, int instrumentId,
                            Side side, OrderType type, TimeInForce timeInForce, long price, long stopPrice,
                            long quantity, String clientOrderId, OrderStatus status) implements EngineEvent {
}
