package dev.tradewind.engine.book;

import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.risk.Account;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link OrderBook} must do, whatever its data structures. Each implementation gets a
 * subclass that only says how to build an empty book.
 */
abstract class OrderBookContractTest {
    private static final int INSTRUMENT = 7;

    protected abstract OrderBook newBook(int instrumentId);

    private final OrderBook book = newBook(INSTRUMENT);
    private final Account alice = new Account(1, 2);
    private final Account bob = new Account(2, 2);
    private final Account carol = new Account(3, 2);
    private final Recorder recorder = new Recorder();
    private long nextId = 1;

    private Order order(Account account, Side side, long price, long quantity) {
        return new Order().init(nextId++, account, side, OrderType.LIMIT, TimeInForce.GTC, price, quantity, null, 0, 0);
    }

    private Order rest(Account account, Side side, long price, long quantity) {
        Order order = order(account, side, price, quantity);
        book.rest(order, recorder);
        return order;
    }

    /** Records what the book reports, as readable strings. */
    static final class Recorder implements MatchListener {
        final List<String> trades = new ArrayList<>();
        final List<String> levels = new ArrayList<>();

        @Override
        public void onTrade(Order maker, long price, long quantity) {
            trades.add(maker.id() + "@" + price + "x" + quantity + (maker.remaining() == 0 ? " done" : ""));
        }

        @Override
        public void onLevelChanged(Side side, long price, long quantity) {
            levels.add(side + " " + price + "=" + quantity);
        }
    }

    @Test
    void emptyBookHasNoPrices() {
        assertThat(book.instrumentId()).isEqualTo(INSTRUMENT);
        assertThat(book.bestBid()).isEqualTo(OrderBook.NO_PRICE);
        assertThat(book.bestAsk()).isEqualTo(OrderBook.NO_PRICE);
        assertThat(book.bestBidQuantity()).isZero();
        assertThat(book.orderCount()).isZero();
        assertThat(book.match(Side.BUY, Long.MAX_VALUE, 5, alice, Budget.UNLIMITED, recorder)).isEqualTo(MatchStop.NO_LIQUIDITY);
        assertThat(recorder.trades).isEmpty();
    }

    @Test
    void bestPricesAndQuantitiesFollowRestingOrders() {
        rest(alice, Side.BUY, 99, 3);
        rest(bob, Side.BUY, 100, 2);
        rest(carol, Side.BUY, 100, 4);
        rest(alice, Side.SELL, 103, 1);
        rest(bob, Side.SELL, 102, 5);
        assertThat(book.bestBid()).isEqualTo(100);
        assertThat(book.bestBidQuantity()).isEqualTo(6);
        assertThat(book.bestAsk()).isEqualTo(102);
        assertThat(book.bestAskQuantity()).isEqualTo(5);
        assertThat(book.levelCount(Side.BUY)).isEqualTo(2);
        assertThat(book.orderCount()).isEqualTo(5);
        assertThat(recorder.levels).containsExactly("BUY 99=3", "BUY 100=2", "BUY 100=6", "SELL 103=1", "SELL 102=5");
    }

    @Test
    void matchingTakesBetterPricesFirstThenOlderOrders() {
        Order late = rest(alice, Side.SELL, 101, 5);
        Order early = rest(bob, Side.SELL, 102, 5);
        Order later = rest(carol, Side.SELL, 101, 5);
        recorder.levels.clear();

        MatchStop stop = book.match(Side.BUY, 102, 12, new Account(9, 2), Budget.UNLIMITED, recorder);

        assertThat(stop).isEqualTo(MatchStop.FILLED);
        assertThat(recorder.trades).containsExactly(late.id() + "@101x5 done", later.id() + "@101x5 done", early.id() + "@102x2");
        assertThat(recorder.levels).containsExactly("SELL 101=0", "SELL 102=3");
        assertThat(early.filled()).isEqualTo(2);
        assertThat(early.filledValue()).isEqualTo(204);
        assertThat(late.isResting()).isFalse();
        assertThat(book.bestAsk()).isEqualTo(102);
        assertThat(book.orderCount()).isEqualTo(1);
    }

    @Test
    void matchingStopsAtTheTakersLimit() {
        rest(alice, Side.BUY, 100, 2);
        rest(bob, Side.BUY, 98, 2);
        MatchStop stop = book.match(Side.SELL, 99, 10, carol, Budget.UNLIMITED, recorder);
        assertThat(stop).isEqualTo(MatchStop.NO_LIQUIDITY);
        assertThat(recorder.trades).containsExactly("1@100x2 done");
        assertThat(book.bestBid()).isEqualTo(98);
    }

    @Test
    void selfTradePreventionStopsTheTakerBeforeItsOwnOrder() {
        Order other = rest(bob, Side.SELL, 100, 1);
        Order own = rest(alice, Side.SELL, 100, 5);
        Order behind = rest(carol, Side.SELL, 100, 5);
        recorder.levels.clear();

        assertThat(book.matchable(Side.BUY, 100, 10, alice, Budget.UNLIMITED)).isEqualTo(1);
        MatchStop stop = book.match(Side.BUY, 100, 10, alice, Budget.UNLIMITED, recorder);

        assertThat(stop).isEqualTo(MatchStop.SELF_TRADE);
        assertThat(recorder.trades).containsExactly(other.id() + "@100x1 done");
        assertThat(recorder.levels).containsExactly("SELL 100=10");
        assertThat(own.isResting()).isTrue();
        assertThat(own.filled()).isZero();
        assertThat(behind.filled()).isZero();
    }

    @Test
    void selfTradeAtTheTopReportsNoLevelChange() {
        rest(alice, Side.SELL, 100, 5);
        assertThat(book.match(Side.BUY, 100, 1, alice, Budget.UNLIMITED, recorder)).isEqualTo(MatchStop.SELF_TRADE);
        assertThat(recorder.levels).containsExactly("SELL 100=5");
        assertThat(recorder.trades).isEmpty();
    }

    @Test
    void budgetCapsWhatTheTakerTakes() {
        rest(alice, Side.SELL, 100, 5);
        rest(bob, Side.SELL, 101, 5);
        long[] lots = {7};
        Budget sevenLots = (price, offered) -> {
            long taken = Math.min(offered, lots[0]);
            lots[0] -= taken;
            return taken;
        };
        assertThat(book.match(Side.BUY, 200, 10, carol, sevenLots, recorder)).isEqualTo(MatchStop.BUDGET);
        assertThat(recorder.trades).containsExactly("1@100x5 done", "2@101x2");
        assertThat(book.bestAskQuantity()).isEqualTo(3);
    }

    @Test
    void matchableAgreesWithMatchOnRandomBooks() {
        SplittableRandom random = new SplittableRandom(42);
        Account[] accounts = {alice, bob, carol};
        for (int round = 0; round < 300; round++) {
            OrderBook b = newBook(INSTRUMENT);
            for (int i = 0; i < 20; i++) {
                b.rest(order(accounts[random.nextInt(3)], Side.SELL, random.nextLong(100, 110), random.nextLong(1, 6)), LevelListener.NONE);
            }
            Account taker = accounts[random.nextInt(3)];
            long limit = random.nextLong(98, 112);
            long quantity = random.nextLong(1, 60);
            long expected = b.matchable(Side.BUY, limit, quantity, taker, Budget.UNLIMITED);
            long[] filled = {0};
            b.match(Side.BUY, limit, quantity, taker, Budget.UNLIMITED, new MatchListener() {
                @Override
                public void onTrade(Order maker, long price, long q) {
                    assertThat(price).isLessThanOrEqualTo(limit);
                    assertThat(maker.account()).isNotSameAs(taker);
                    filled[0] += q;
                }

                @Override
                public void onLevelChanged(Side side, long price, long q) {
                }
            });
            assertThat(filled[0]).as("round %d", round).isEqualTo(expected);
            assertThat(b.bestAsk() == OrderBook.NO_PRICE || b.bestAsk() > limit || filled[0] == quantity
                    || firstAtBest(b).account() == taker).isTrue();
        }
    }

    private static Order firstAtBest(OrderBook b) {
        Order[] first = {null};
        b.forEachOrder(Side.SELL, o -> {
            if (first[0] == null) {
                first[0] = o;
            }
        });
        return first[0];
    }

    @Test
    void removeTakesAnOrderOutAndDropsItsEmptyLevel() {
        Order a = rest(alice, Side.BUY, 100, 2);
        Order b = rest(bob, Side.BUY, 100, 3);
        Order c = rest(carol, Side.BUY, 101, 1);
        recorder.levels.clear();
        book.remove(b, recorder);
        book.remove(c, recorder);
        assertThat(recorder.levels).containsExactly("BUY 100=2", "BUY 101=0");
        assertThat(book.bestBid()).isEqualTo(100);
        assertThat(b.isResting()).isFalse();
        book.remove(a, recorder);
        assertThat(book.bestBid()).isEqualTo(OrderBook.NO_PRICE);
        assertThat(book.orderCount()).isZero();
        assertThatThrownBy(() -> book.remove(a, recorder)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reduceKeepsTimePriority() {
        Order first = rest(alice, Side.SELL, 100, 5);
        Order second = rest(bob, Side.SELL, 100, 5);
        book.reduce(first, 2, recorder);
        assertThat(recorder.levels).last().isEqualTo("SELL 100=7");
        book.match(Side.BUY, 100, 3, carol, Budget.UNLIMITED, recorder);
        assertThat(recorder.trades).containsExactly(first.id() + "@100x2 done", second.id() + "@100x1");
        assertThatThrownBy(() -> book.reduce(second, 9, recorder)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void crossesComparesAgainstTheOppositeBest() {
        assertThat(book.crosses(Side.BUY, 100)).isFalse();
        rest(alice, Side.SELL, 100, 1);
        rest(alice, Side.BUY, 98, 1);
        assertThat(book.crosses(Side.BUY, 100)).isTrue();
        assertThat(book.crosses(Side.BUY, 99)).isFalse();
        assertThat(book.crosses(Side.SELL, 98)).isTrue();
        assertThat(book.crosses(Side.SELL, 99)).isFalse();
    }

    @Test
    void depthListsLevelsBestFirst() {
        for (long price = 90; price <= 99; price++) {
            rest(alice, Side.BUY, price, price - 89);
        }
        rest(bob, Side.BUY, 99, 5);
        long[] prices = new long[3];
        long[] quantities = new long[3];
        assertThat(book.depth(Side.BUY, 3, prices, quantities)).isEqualTo(3);
        assertThat(prices).containsExactly(99, 98, 97);
        assertThat(quantities).containsExactly(15, 9, 8);
        assertThat(book.depth(Side.SELL, 3, prices, quantities)).isZero();
    }

    @Test
    void forEachOrderWalksPriorityOrder() {
        Order a = rest(alice, Side.SELL, 101, 1);
        Order b = rest(bob, Side.SELL, 100, 1);
        Order c = rest(carol, Side.SELL, 101, 1);
        Order d = rest(alice, Side.SELL, 100, 1);
        List<Long> ids = new ArrayList<>();
        book.forEachOrder(Side.SELL, o -> ids.add(o.id()));
        assertThat(ids).containsExactly(b.id(), d.id(), a.id(), c.id());
        assertThat(a.instrumentId()).isEqualTo(INSTRUMENT);
    }

    @Test
    void manyLevelsStaySorted() {
        SplittableRandom random = new SplittableRandom(7);
        List<Order> live = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            if (!live.isEmpty() && random.nextInt(3) == 0) {
                book.remove(live.remove(random.nextInt(live.size())), LevelListener.NONE);
            } else {
                live.add(rest(alice, Side.BUY, random.nextLong(1, 2_000), 1));
            }
        }
        long best = live.stream().mapToLong(Order::price).max().orElse(0);
        assertThat(book.bestBid()).isEqualTo(best);
        long[] prices = new long[5_000];
        int n = book.depth(Side.BUY, prices.length, prices, new long[5_000]);
        for (int i = 1; i < n; i++) {
            assertThat(prices[i]).isLessThan(prices[i - 1]);
        }
        assertThat(n).isEqualTo(live.stream().mapToLong(Order::price).distinct().count());
        assertThat(book.orderCount()).isEqualTo(live.size());
    }

    @Test
    void refusesToRestAnOrderTwice() {
        Order order = rest(alice, Side.BUY, 100, 1);
        assertThatThrownBy(() -> book.rest(order, recorder)).isInstanceOf(IllegalStateException.class);
    }
}
