package dev.tradewind.bench.engine;

import dev.tradewind.engine.command.Command;
import dev.tradewind.engine.command.PlaceOrder;
import dev.tradewind.engine.core.MatchingEngine;
import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.result.Result;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Heap used by resting orders, run in a child JVM of its own heap size ({@link EngineBenchmark} starts
 * it with {@code -Xmx3g}): {@code java -Xmx3g -cp ... dev.tradewind.bench.engine.RestingOrdersFootprint
 * ORDERS SYMBOLS ACCOUNTS LEVELS}. Places ORDERS non-crossing GTC limit orders spread over SYMBOLS
 * instruments and LEVELS price levels per side of each (buys below the mid, sells above, random accounts
 * and quantities), and compares the heap used after full GCs before and after. Prints
 * {@code footprint <orders> <open> <bytesBefore> <bytesAfter> <seconds> <cpuSecondsOfThePlacingThread>}.
 */
public final class RestingOrdersFootprint {
    private static final long MID = 1_000_000;

    private RestingOrdersFootprint() {
    }

    public static void main(String[] args) {
        int orders = Integer.parseInt(args[0]);
        int symbols = Integer.parseInt(args[1]);
        int accounts = Integer.parseInt(args[2]);
        int levels = Integer.parseInt(args[3]);
        MatchingEngine engine = new MatchingEngine(); // default sizing: the order index grows with the book
        Consumer<EngineEvent> discard = event -> { };
        long sequence = OrderFlow.apply(engine, OrderFlow.setupCommands(symbols, accounts).toArray(Command[]::new), 0, discard);
        long before = usedAfterGc();
        SplittableRandom random = new SplittableRandom(3);
        long rejected = 0;
        long start = System.nanoTime();
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (int i = 0; i < orders; i++) {
            Side side = (i & 1) == 0 ? Side.BUY : Side.SELL;
            long offset = 1 + random.nextInt(levels);
            long price = side == Side.BUY ? MID - offset : MID + offset;
            sequence++;
            Result result = engine.apply(sequence, sequence, PlaceOrder.limit(random.nextLong(1, accounts + 1),
                    random.nextInt(symbols), side, TimeInForce.GTC, price, random.nextLong(1, 101)), discard);
            if (!result.accepted()) {
                rejected++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long after = usedAfterGc();
        if (rejected > 0) {
            System.err.println(rejected + " orders rejected");
        }
        System.out.printf(Locale.ROOT, "footprint %d %d %d %d %.1f %.1f%n", orders, engine.openOrderCount(), before, after, seconds,
                cpuSeconds);
    }

    /** One full, compacting collection (ParallelGC's System.gc()) is exact; more only cost seconds on a 1 GB heap. */
    private static long usedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
