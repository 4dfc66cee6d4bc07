package dev.tradewind.engine.event;

/** A resting order now has this price and total quantity; {@code priorityKept} false means it re-queued. */
public record OrderReplaced(long sequence, long timestamp, long orderId, long accountId, int instrumentId,
                            long price, long quantity, boolean priorityKept) implements EngineEvent {
}
