package dev.tradewind.engine.book;

import java.util.function.Consumer;

/**
 * Untriggered stop orders of one instrument, kept in trigger order so that the next stop to fire is
 * found in O(1): buy stops by stop price ascending (the lowest fires first as the price rises), sell
 * stops by stop price descending, oldest first at equal stop prices.
 *
 * <p>Trigger rule: a buy stop fires when the market price is at or above its stop price, a sell stop
 * when it is at or below. When both a buy and a sell stop qualify, the buy stop fires first.
 */
public final class StopBook {
    private final BookSide buyStops;
    private final BookSide sellStops;

    public StopBook(int instrumentId) {
        this.buyStops = new BookSide(false, instrumentId);
        this.sellStops = new BookSide(true, instrumentId);
    }

    public void add(StopOrder order) {
        if (order.state != Order.UNLISTED || order.stopPrice() <= 0) {
            throw new IllegalStateException("cannot add stop " + order);
        }
        (order.isBuy() ? buyStops : sellStops).append(order, order.stopPrice());
        order.state = Order.PENDING_TRIGGER;
    }

    public void remove(Order order) {
        if (order.state != Order.PENDING_TRIGGER) {
            throw new IllegalStateException("not a pending stop: " + order);
        }
        (order.isBuy() ? buyStops : sellStops).unlink(order);
        order.state = Order.UNLISTED;
    }

    /** The next stop that {@code marketPrice} triggers, or null; it stays pending until {@link #remove}d. */
    public StopOrder nextTriggered(long marketPrice) {
        if (marketPrice <= 0) {
            return null;
        }
        Level buy = buyStops.best();
        if (buy != null && buy.price <= marketPrice) {
            return (StopOrder) buy.head;
        }
        Level sell = sellStops.best();
        if (sell != null && sell.price >= marketPrice) {
            return (StopOrder) sell.head;
        }
        return null;
    }

    public int size() {
        return buyStops.orderCount() + sellStops.orderCount();
    }

    /** Pending stops in trigger priority: buy stops, then sell stops. */
    public void forEach(Consumer<? super StopOrder> action) {
        buyStops.forEachOrder(o -> action.accept((StopOrder) o));
        sellStops.forEachOrder(o -> action.accept((StopOrder) o));
    }
}
