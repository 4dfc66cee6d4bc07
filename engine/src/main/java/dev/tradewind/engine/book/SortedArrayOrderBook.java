package dev.tradewind.engine.book;

import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.risk.Account;

import java.util.function.Consumer;

/**
 * Order book whose sides are {@link BookSide} sorted level arrays (best level last) holding
 * intrusive per-level order lists: best price O(1), level lookup O(log levels), order removal O(1),
 * no allocation on the hot path except when a side outgrows its arrays.
 * Self-trade prevention: expire taker (see {@link OrderBook}).
 */
public final class SortedArrayOrderBook implements OrderBook {
    private final int instrumentId;
    private final BookSide bids;
    private final BookSide asks;

    public SortedArrayOrderBook(int instrumentId) {
        this.instrumentId = instrumentId;
        this.bids = new BookSide(true, instrumentId);
        this.asks = new BookSide(false, instrumentId);
    }

    @Override
    public int instrumentId() {
        return instrumentId;
    }

    private BookSide side(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    @Override
    public long bestBid() {
        Level best = bids.best();
        return best == null ? NO_PRICE : best.price;
    }

    @Override
    public long bestAsk() {
        Level best = asks.best();
        return best == null ? NO_PRICE : best.price;
    }

    @Override
    public long bestBidQuantity() {
        Level best = bids.best();
        return best == null ? 0 : best.quantity;
    }

    @Override
    public long bestAskQuantity() {
        Level best = asks.best();
        return best == null ? 0 : best.quantity;
    }

    @Override
    public void rest(Order order, LevelListener levels) {
        if (order.state != Order.UNLISTED || order.remaining() <= 0 || order.price <= 0) {
            throw new IllegalStateException("cannot rest " + order);
        }
        BookSide side = order.isBuy() ? bids : asks;
        side.append(order, order.price);
        order.state = Order.RESTING;
        levels.onLevelChanged(order.side(), order.price, order.level.quantity);
    }

    @Override
    public void remove(Order order, LevelListener levels) {
        checkResting(order);
        Level level = order.level;
        long price = level.price;
        (order.isBuy() ? bids : asks).unlink(order);
        order.state = Order.UNLISTED;
        levels.onLevelChanged(order.side(), price, level.count == 0 ? 0 : level.quantity);
    }

    @Override
    public void reduce(Order order, long newQuantity, LevelListener levels) {
        checkResting(order);
        if (newQuantity <= order.filled || newQuantity > order.quantity) {
            throw new IllegalArgumentException("reduce of " + order + " to " + newQuantity + " is not a reduction");
        }
        Level level = order.level;
        level.quantity -= order.quantity - newQuantity;
        order.quantity = newQuantity;
        levels.onLevelChanged(order.side(), level.price, level.quantity);
    }

    private void checkResting(Order order) {
        if (order.state != Order.RESTING) {
            throw new IllegalStateException("not resting in book " + instrumentId + ": " + order);
        }
    }

    private static boolean acceptable(boolean takerBuys, long makerPrice, long limitPrice) {
        return takerBuys ? makerPrice <= limitPrice : makerPrice >= limitPrice;
    }

    @Override
    public boolean crosses(Side takerSide, long limitPrice) {
        Level best = (takerSide == Side.BUY ? asks : bids).best();
        return best != null && acceptable(takerSide == Side.BUY, best.price, limitPrice);
    }

    @Override
    public long matchable(Side takerSide, long limitPrice, long quantity, Account taker, Budget budget) {
        boolean takerBuys = takerSide == Side.BUY;
        BookSide opposite = takerBuys ? asks : bids;
        long remaining = quantity;
        for (int i = 0, n = opposite.levelCount(); i < n && remaining > 0; i++) {
            Level level = opposite.fromBest(i);
            if (!acceptable(takerBuys, level.price, limitPrice)) {
                break;
            }
            for (Order maker = level.head; maker != null && remaining > 0; maker = maker.next) {
                if (maker.account == taker) {
                    return quantity - remaining;
                }
                long offered = Math.min(maker.remaining(), remaining);
                long taken = budget.take(level.price, offered);
                remaining -= taken;
                if (taken < offered) {
                    return quantity - remaining;
                }
            }
        }
        return quantity - remaining;
    }

    @Override
    public MatchStop match(Side takerSide, long limitPrice, long quantity, Account taker, Budget budget, MatchListener listener) {
        boolean takerBuys = takerSide == Side.BUY;
        BookSide opposite = takerBuys ? asks : bids;
        Side makerSide = takerSide.opposite();
        long remaining = quantity;
        while (remaining > 0) {
            Level level = opposite.best();
            if (level == null || !acceptable(takerBuys, level.price, limitPrice)) {
                return MatchStop.NO_LIQUIDITY;
            }
            long price = level.price;
            MatchStop stop = null;
            Order maker = level.head;
            int removed = 0;
            long traded = 0;
            while (maker != null) {
                if (maker.account == taker) {
                    stop = MatchStop.SELF_TRADE;
                    break;
                }
                long offered = Math.min(maker.remaining(), remaining);
                long taken = budget.take(price, offered);
                if (taken <= 0) {
                    stop = MatchStop.BUDGET;
                    break;
                }
                Order next = maker.next;
                remaining -= taken;
                traded += taken;
                level.quantity -= taken;
                maker.filled += taken;
                maker.filledValue += price * taken;
                if (maker.filled == maker.quantity) {
                    // Unlink by hand: the maker is always the head here, and its remaining is 0.
                    level.head = next;
                    if (next == null) {
                        level.tail = null;
                    } else {
                        next.prev = null;
                    }
                    level.count--;
                    removed++;
                    maker.next = null;
                    maker.level = null;
                    maker.state = Order.UNLISTED;
                }
                listener.onTrade(maker, price, taken);
                if (taken < offered) {
                    stop = MatchStop.BUDGET;
                    break;
                }
                if (remaining == 0) {
                    break;
                }
                maker = next;
            }
            opposite.ordersRemoved(removed);
            boolean levelGone = level.count == 0;
            long levelQuantity = level.quantity;
            if (levelGone) {
                opposite.removeLevel(level);
            }
            if (traded > 0) {
                listener.onLevelChanged(makerSide, price, levelGone ? 0 : levelQuantity);
            }
            if (stop != null) {
                return stop;
            }
        }
        return MatchStop.FILLED;
    }

    @Override
    public int depth(Side side, int maxLevels, long[] prices, long[] quantities) {
        BookSide s = side(side);
        int n = Math.min(Math.min(maxLevels, s.levelCount()), Math.min(prices.length, quantities.length));
        for (int i = 0; i < n; i++) {
            Level level = s.fromBest(i);
            prices[i] = level.price;
            quantities[i] = level.quantity;
        }
        return n;
    }

    @Override
    public int levelCount(Side side) {
        return side(side).levelCount();
    }

    @Override
    public int orderCount() {
        return bids.orderCount() + asks.orderCount();
    }

    @Override
    public void forEachOrder(Side side, Consumer<? super Order> action) {
        side(side).forEachOrder(action);
    }
}
