package dev.tradewind.engine.event;

/** The engine closed the rest of an order; its reservation was released. */
public record OrderExpired(long sequence, long timestamp, long orderId, long accountId, int instrumentId,
                           long filledQuantity, long expiredQuantity, ExpiryReason reason) implements EngineEvent {
}
