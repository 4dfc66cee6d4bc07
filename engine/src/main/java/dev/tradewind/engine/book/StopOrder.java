package dev.tradewind.engine.book;

/** An order with a stop price; a subclass so that plain orders do not pay 8 bytes for it. */
public final class StopOrder extends Order {
    private final long stopPrice;

    public StopOrder(long stopPrice) {
        this.stopPrice = stopPrice;
    }

    @Override
    public long stopPrice() {
        return stopPrice;
    }
}
