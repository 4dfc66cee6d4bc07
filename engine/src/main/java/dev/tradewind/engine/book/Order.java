package dev.tradewind.engine.book;

import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.risk.Account;

/**
 * A live order, and at the same time a node of the intrusive FIFO list of its price level.
 *
 * <p>Kept deliberately small (about 80 bytes with a 12-byte header) because the engine must hold
 * ten million resting orders in 2 GB: enums are stored as bytes, the owner as a direct
 * {@link Account} reference (no lookup on every fill), and the stop price lives only in
 * {@link StopOrder}. Instances are recycled by the engine once closed, so nothing outside the engine
 * may keep a reference: results and events carry copies.
 */
public class Order {
    /** Not in any book: being matched as a taker, or closed. */
    public static final byte UNLISTED = 0;
    public static final byte RESTING = 1;
    public static final byte PENDING_TRIGGER = 2;

    private static final Side[] SIDES = Side.values();
    private static final OrderType[] TYPES = OrderType.values();
    private static final TimeInForce[] TIMES_IN_FORCE = TimeInForce.values();

    long id;
    long price;
    long quantity;
    long filled;
    long filledValue;
    Account account;
    Level level;
    Order prev;
    Order next;
    String clientOrderId;
    short makerFeeBps;
    short takerFeeBps;
    byte side;
    byte type;
    byte timeInForce;
    byte state;

    /**
     * (Re)initialises a fresh or recycled order.
     *
     * @param price limit price in ticks, 0 for market and stop-market orders
     */
    public final Order init(long id, Account account, Side side, OrderType type, TimeInForce timeInForce,
                            long price, long quantity, String clientOrderId, int makerFeeBps, int takerFeeBps) {
        this.id = id;
        this.account = account;
        this.side = (byte) side.ordinal();
        this.type = (byte) type.ordinal();
        this.timeInForce = (byte) timeInForce.ordinal();
        this.price = price;
        this.quantity = quantity;
        this.filled = 0;
        this.filledValue = 0;
        this.clientOrderId = clientOrderId;
        this.makerFeeBps = (short) makerFeeBps;
        this.takerFeeBps = (short) takerFeeBps;
        this.state = UNLISTED;
        this.level = null;
        this.prev = null;
        this.next = null;
        return this;
    }

    public final long id() {
        return id;
    }

    /** Limit price in ticks; 0 for market and stop-market orders. */
    public final long price() {
        return price;
    }

    /** Total ordered quantity in lots (including what is filled). */
    public final long quantity() {
        return quantity;
    }

    public final long filled() {
        return filled;
    }

    public final long remaining() {
        return quantity - filled;
    }

    /** Σ fill price (ticks) × fill quantity (lots), for the average price. */
    public final long filledValue() {
        return filledValue;
    }

    public final Account account() {
        return account;
    }

    public final Side side() {
        return SIDES[side];
    }

    public final boolean isBuy() {
        return side == 0;
    }

    public final OrderType type() {
        return TYPES[type];
    }

    public final TimeInForce timeInForce() {
        return TIMES_IN_FORCE[timeInForce];
    }

    public final String clientOrderId() {
        return clientOrderId;
    }

    /** Fee rates frozen when the order was placed, so a tier change never breaks its reservation. */
    public final int makerFeeBps() {
        return makerFeeBps;
    }

    public final int takerFeeBps() {
        return takerFeeBps;
    }

    public final int reserveFeeBps() {
        return Math.max(makerFeeBps, takerFeeBps);
    }

    public final byte state() {
        return state;
    }

    public final boolean isResting() {
        return state == RESTING;
    }

    public final boolean isPendingTrigger() {
        return state == PENDING_TRIGGER;
    }

    /** Instrument of the book (or stop book) holding the order; -1 when unlisted. */
    public final int instrumentId() {
        return level == null ? -1 : level.side.instrumentId;
    }

    /** Stop price in ticks; 0 for non-stop orders. */
    public long stopPrice() {
        return 0;
    }

    /** Records a fill on this order (maker fills are recorded by the book itself). */
    public final void recordFill(long fillPrice, long fillQuantity) {
        filled += fillQuantity;
        filledValue += fillPrice * fillQuantity;
    }

    /** Sets the fill totals of an order being restored from a snapshot. */
    public final void restoreFill(long filledQuantity, long value) {
        if (state != UNLISTED || filledQuantity < 0 || filledQuantity >= quantity) {
            throw new IllegalStateException("cannot restore fill " + filledQuantity + " on " + this);
        }
        filled = filledQuantity;
        filledValue = value;
    }

    /** Changes price and/or total quantity of an order that is not in a book (replace re-entry). */
    public final void amend(long newPrice, long newQuantity) {
        if (state != UNLISTED) {
            throw new IllegalStateException("order " + id + " must leave the book before it is amended");
        }
        price = newPrice;
        quantity = newQuantity;
    }

    /** Drops references so a recycled order keeps no account or client id alive. */
    public final void clear() {
        account = null;
        clientOrderId = null;
        level = null;
        prev = null;
        next = null;
        state = UNLISTED;
    }

    @Override
    public String toString() {
        return "Order{id=" + id + ", " + side() + " " + type() + " " + timeInForce() + ", price=" + price
                + ", stop=" + stopPrice() + ", qty=" + quantity + ", filled=" + filled + ", account="
                + (account == null ? null : account.id()) + ", state=" + state + '}';
    }
}
