package dev.tradewind.engine.event;

/** A pending stop fired at {@code marketPrice} and enters the book now (events for it follow). */
public record StopTriggered(long sequence, long timestamp, long orderId, long accountId, int instrumentId,
                            long stopPrice, long marketPrice) implements EngineEvent {
}
