package dev.tradewind.engine.event;

/** An open order was cancelled on request; its reservation was released. */
public record OrderCancelled(long sequence, long timestamp, long orderId, long accountId, int instrumentId,
                             long filledQuantity, long cancelledQuantity) implements EngineEvent {
}
