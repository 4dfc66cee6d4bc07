package dev.tradewind.engine.book;

import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.risk.Account;

import java.util.SplittableRandom;

/**
 * Crude check of the book alone (no risk, events or results): random price moves of resting orders,
 * to see how much of a full engine command is the book. Run by hand from the test classpath.
 */
public final class BookOnlyThroughput {
    private BookOnlyThroughput() {
    }

    public static void main(String[] args) {
        int orders = 3_000;
        Account[] accounts = new Account[2_000];
        for (int i = 0; i < accounts.length; i++) {
            accounts[i] = new Account(i + 1, 2);
        }
        SortedArrayOrderBook book = new SortedArrayOrderBook(0);
        SplittableRandom random = new SplittableRandom(1);
        Order[] live = new Order[orders];
        for (int i = 0; i < orders; i++) {
            Side side = (i & 1) == 0 ? Side.BUY : Side.SELL;
            long price = side == Side.BUY ? 1_000_000 - 1 - random.nextInt(200) : 1_000_000 + 1 + random.nextInt(200);
            live[i] = new Order().init(i + 1, accounts[random.nextInt(accounts.length)], side, OrderType.LIMIT, TimeInForce.GTC,
                    price, 1 + random.nextInt(100), null, 0, 0);
            book.rest(live[i], LevelListener.NONE);
        }
        int moves = 20_000_000;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < moves; i++) {
                Order o = live[random.nextInt(orders)];
                // Moves stay within 200 ticks of a fixed mid (a random walk would spread the book ever wider).
                long price = o.isBuy() ? 1_000_000 - 1 - random.nextInt(200) : 1_000_000 + 1 + random.nextInt(200);
                book.remove(o, LevelListener.NONE);
                o.amend(price, o.quantity());
                book.rest(o, LevelListener.NONE);
            }
            System.out.printf("book-only moves: %,.0f/s%n", moves * 1e9 / (System.nanoTime() - start));
        }
    }
}
