package dev.tradewind.engine.event;

import dev.tradewind.engine.result.RejectCode;

/** A PlaceOrder was refused; nothing changed. {@code orderId} is the id it would have had. */
public record OrderRejected(long sequence, long timestamp, long orderId, long accountId, int instrumentId,
                            String clientOrderId, RejectCode code) implements EngineEvent {
}
