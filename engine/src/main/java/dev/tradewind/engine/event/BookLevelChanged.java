package dev.tradewind.engine.event;

import dev.tradewind.engine.order.Side;

/**
 * Incremental L2 update: the level's total open quantity now (0 = level removed). Applying these in
 * sequence order to a depth snapshot taken at an earlier sequence reproduces the book.
 */
public record BookLevelChanged(long sequence, long timestamp, int instrumentId, Side side, long price, long quantity)
        implements EngineEvent {
}
