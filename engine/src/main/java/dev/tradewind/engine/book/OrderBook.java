package dev.tradewind.engine.book;

import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.risk.Account;

import java.util.function.Consumer;

/**
 * The resting orders of one instrument with price-time priority. It knows nothing of balances,
 * fees, events or threads: the engine decides whether an order may enter and what a fill costs.
 *
 * <p>Self-trade prevention is a book rule, the same for every implementation: <b>expire taker</b>.
 * When the next maker in priority belongs to the taker's account, matching stops before trading
 * with it; the maker keeps resting untouched and the engine expires the taker's remainder (even for
 * GTC, which would otherwise rest crossing its own order). Liquidity behind one's own order is thus
 * not reachable, exactly as if the own order were the end of the book; {@link #matchable} applies
 * the same rule so FOK decisions agree with what {@link #match} does.
 */
public interface OrderBook {
    /** Price meaning "no order on this side". Prices are ≥ 1 tick. */
    long NO_PRICE = 0;

    int instrumentId();

    /** Best bid price in O(1), {@link #NO_PRICE} when there is none. */
    long bestBid();

    /** Best ask price in O(1), {@link #NO_PRICE} when there is none. */
    long bestAsk();

    /** Open quantity at the best bid (0 when none). */
    long bestBidQuantity();

    long bestAskQuantity();

    /** Appends an unlisted order with a price at the tail of its level; it must not cross the other side. */
    void rest(Order order, LevelListener levels);

    /** Removes a resting order. */
    void remove(Order order, LevelListener levels);

    /** Lowers a resting order's total quantity in place, keeping its time priority. */
    void reduce(Order order, long newQuantity, LevelListener levels);

    /** Whether a taker on {@code takerSide} with {@code limitPrice} would meet any opposite order. */
    boolean crosses(Side takerSide, long limitPrice);

    /**
     * How much a taker would fill now, without changing anything (FOK decisions).
     *
     * @param limitPrice worst acceptable price; {@code Long.MAX_VALUE} (buy) or {@code Long.MIN_VALUE} (sell) for none
     */
    long matchable(Side takerSide, long limitPrice, long quantity, Account taker, Budget budget);

    /**
     * Matches a taker against the opposite side in price-time priority, at the makers' prices, until
     * {@code quantity} is filled or a {@link MatchStop} condition holds. Makers that fill completely
     * leave the book; the taker itself is never added.
     */
    MatchStop match(Side takerSide, long limitPrice, long quantity, Account taker, Budget budget, MatchListener listener);

    /**
     * Writes up to {@code maxLevels} levels of one side, best first.
     *
     * @return the number of levels written
     */
    int depth(Side side, int maxLevels, long[] prices, long[] quantities);

    int levelCount(Side side);

    int orderCount();

    /** Every resting order of one side in priority order (best level first, oldest first). */
    void forEachOrder(Side side, Consumer<? super Order> action);
}
