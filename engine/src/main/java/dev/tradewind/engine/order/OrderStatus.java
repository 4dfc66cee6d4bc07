package dev.tradewind.engine.order;

/** Order lifecycle status, named exactly as in API.md. */
public enum OrderStatus {
    PENDING_TRIGGER,
    NEW,
    PARTIALLY_FILLED,
    FILLED,
    CANCELLED,
    REJECTED,
    EXPIRED;

    public boolean isOpen() {
        return this == PENDING_TRIGGER || this == NEW || this == PARTIALLY_FILLED;
    }
}
