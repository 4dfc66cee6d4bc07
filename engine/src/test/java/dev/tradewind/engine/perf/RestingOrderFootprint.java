package dev.tradewind.engine.perf;

import dev.tradewind.engine.command.Command;
import dev.tradewind.engine.command.PlaceOrder;
import dev.tradewind.engine.core.EngineConfig;
import dev.tradewind.engine.core.MatchingEngine;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

/**
 * Heap cost of resting orders: fills one book with N non-crossing GTC orders spread over many
 * levels and 2,000 accounts, then compares heap used after full GCs. Run by hand, e.g.
 * {@code java -Xmx2g -cp engine/target/classes:engine/target/test-classes dev.tradewind.engine.perf.RestingOrderFootprint 10000000}
 */
public final class RestingOrderFootprint {
    private RestingOrderFootprint() {
    }

    public static void main(String[] args) {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int accounts = 2_000;
        // Default sizing: the order index grows with the book, so its cost is counted per order.
        MatchingEngine engine = new MatchingEngine(EngineConfig.DEFAULT);
        long sequence = 0;
        EventCounter sink = new EventCounter(null);
        for (Command c : ExchangeCoreMix.setup(accounts)) {
            engine.apply(++sequence, sequence, c, sink);
        }
        long before = usedAfterGc();
        SplittableRandom random = new SplittableRandom(3);
        long mid = 1_000_000;
        long start = System.nanoTime();
        for (int i = 0; i < orders; i++) {
            Side side = (i & 1) == 0 ? Side.BUY : Side.SELL;
            long offset = 1 + random.nextInt(50_000);
            long price = side == Side.BUY ? mid - offset : mid + offset;
            engine.apply(++sequence, sequence, PlaceOrder.limit(1 + random.nextInt(accounts), ExchangeCoreMix.SYMBOL, side,
                    TimeInForce.GTC, price, 1 + random.nextInt(100)), sink);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = usedAfterGc();
        System.out.printf("%,d resting orders placed in %.1f s (%,.0f/s); heap used %,d MB before, %,d MB after: %.1f bytes per resting order%n",
                engine.openOrderCount(), seconds, orders / seconds, before >> 20, after >> 20, (after - before) / (double) orders);
        System.out.printf("metric engine.bytes_per_resting_order %.1f bytes%n", (after - before) / (double) orders);
        System.out.printf("metric engine.heap_used_resting_orders %d MB%n", after >> 20);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
