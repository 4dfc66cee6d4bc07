package dev.tradewind.engine.result;

/** Answer to an administrative command; {@code assignedId} is the new asset/instrument id, else -1. */
public record AdminResult(long sequence, RejectCode rejectCode, int assignedId) implements Result {
}
