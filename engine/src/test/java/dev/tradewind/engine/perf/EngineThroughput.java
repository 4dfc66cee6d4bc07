package dev.tradewind.engine.perf;

import dev.tradewind.engine.command.Command;
import dev.tradewind.engine.core.MatchingEngine;

import java.util.List;

/**
 * Crude single-threaded throughput check on exchange-core's mix (not a benchmark: no JMH, no
 * isolation). Run by hand:
 * {@code java -Xmx4g -cp engine/target/classes:engine/target/test-classes dev.tradewind.engine.perf.EngineThroughput [commands] [accounts] [orders]}
 */
public final class EngineThroughput {
    private EngineThroughput() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
        int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int orders = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        long start = System.nanoTime();
        List<Command> commands = ExchangeCoreMix.generate(1, accounts, orders, count);
        System.out.printf("generated %,d commands in %.1f s%n", commands.size(), (System.nanoTime() - start) / 1e9);
        int setup = ExchangeCoreMix.setup(accounts).size();
        double best = 0;
        for (int round = 0; round < 8; round++) {
            EventCounter counting = new EventCounter(null);
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) threads;
            long bytes0 = allocation.getCurrentThreadAllocatedBytes();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            MatchingEngine engine = ExchangeCoreMix.replay(commands, counting);
            long elapsed = System.nanoTime() - t0;
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            long bytes = allocation.getCurrentThreadAllocatedBytes() - bytes0;
            long ops = commands.size() - setup;
            // CPU time discounts the time this thread was descheduled on a shared machine.
            System.out.printf("round %d: %,.0f ops/s wall, %,.0f ops/cpu-s, %d bytes allocated/op (%,d ops, %,d events, %d open orders, hash %x)%n",
                    round, ops * 1e9 / elapsed, ops * 1e9 / cpu, bytes / ops, ops, counting.count, engine.openOrderCount(), engine.stateHash());
            best = Math.max(best, ops * 1e9 / elapsed);
        }
        System.out.printf("metric engine.throughput_crude %.0f ops/s%n", best);
    }
}
