package dev.tradewind.bench.engine;

import dev.tradewind.bench.Benchmark;
import dev.tradewind.bench.Metrics;
import dev.tradewind.bench.engine.EngineRuns.Latency;
import dev.tradewind.bench.engine.EngineRuns.Run;
import dev.tradewind.engine.journal.DurabilityPolicy;
import dev.tradewind.engine.sequencer.SequencerMetrics;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * {@code ./tradewind bench engine [--quick] [options]}: the matching engine on exchange-core's order
 * flow (see {@link OrderFlow}).
 * <ul>
 * <li>throughput, journal off, one thread applying: directly on the state machine, and through the
 * {@code Sequencer} under {@link DurabilityPolicy#NONE} with batch submission ({@code submitAll} of
 * {@code --chunk} commands, a window of {@code --window} chunks in flight); 1 symbol × 2,000 accounts
 * and 100 symbols × 10,000 accounts;</li>
 * <li>throughput journaled: through the sequencer with an fsync per group commit (PER_BATCH) into a
 * temporary directory under {@code --dir} (default {@code java.io.tmpdir});</li>
 * <li>open-loop latency at 50,000 and 100,000 commands/s, journaled (PER_BATCH);</li>
 * <li>heap per resting order with 10 million resting orders, in a child JVM with {@code -Xmx3g}.</li>
 * </ul>
 * Options: {@code --commands N} (3,000,000), {@code --runs N} (5), {@code --latency-runs N} (3),
 * {@code --seconds N} (latency measurement, 5), {@code --footprint-orders N} (10,000,000; 2,000,000 with --quick; 0 skips),
 * {@code --footprint-levels N} (price levels per side and symbol, 2,000),
 * {@code --chunk N} (512), {@code --window N} (64), {@code --only direct,sequencer,journaled,latency,footprint}.
 */
public final class EngineBenchmark implements Benchmark {

    @Override
    public String name() {
        return "engine";
    }

    @Override
    public String description() {
        return "matching engine: throughput (direct, sequencer, journaled), open-loop latency, heap per resting order";
    }

    @Override
    public void run(String[] args, Metrics metrics) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        int commands = intArg(args, "--commands", quick ? 1_000_000 : 3_000_000);
        int runs = intArg(args, "--runs", quick ? 3 : 5);
        int latencyRuns = intArg(args, "--latency-runs", quick ? 1 : 3);
        int seconds = intArg(args, "--seconds", quick ? 3 : 5);
        int footprintOrders = intArg(args, "--footprint-orders", quick ? 2_000_000 : 10_000_000);
        int footprintLevels = intArg(args, "--footprint-levels", 2_000);
        int chunk = intArg(args, "--chunk", 512);
        int window = intArg(args, "--window", 64);
        String only = stringArg(args, "--only", "direct,sequencer,journaled,latency,footprint");
        Path dir = Path.of(stringArg(args, "--dir", System.getProperty("java.io.tmpdir")));
        // the sequencer logs every start and stop at INFO
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);

        System.out.printf(Locale.ROOT, "Load average at start: %s; %d CPUs; JVM %s %s%n", loadAverage(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        List<String> rows = new ArrayList<>();

        OrderFlow one = generate(new OrderFlow.Spec("1 symbol x 2,000 accounts", 1, 2_000, 1_000, commands, 42));
        OrderFlow hundred = only.contains("direct") || only.contains("sequencer")
                ? generate(new OrderFlow.Spec("100 symbols x 10,000 accounts", 100, 10_000, 1_000, commands, 43)) : null;

        if (only.contains("direct")) {
            Stats d1 = measure("direct, " + one.spec.name(), Math.max(2, runs / 2), runs, () -> EngineRuns.direct(one));
            Stats d100 = measure("direct, " + hundred.spec.name(), 1, Math.max(2, runs - 2), () -> EngineRuns.direct(hundred));
            rows.add(row("throughput, direct on the state machine, " + one.spec.name(), d1, "≥ 10,000,000"));
            rows.add(row("throughput, direct on the state machine, " + hundred.spec.name(), d100, ""));
            metrics.report("engine.throughput_direct", Math.round(d1.median), "ops/s");
            metrics.report("engine.throughput_100sym_direct", Math.round(d100.median), "ops/s");
            rows.add(String.format(Locale.ROOT, "| allocated per command, direct (1 / 100 symbols) | %.0f / %.0f bytes | |",
                    d1.bytesPerOp, d100.bytesPerOp));
        }
        if (only.contains("sequencer")) {
            Stats s1 = measure("sequencer, journal off (NONE), " + one.spec.name(), Math.max(2, runs / 2), runs,
                    () -> EngineRuns.sequenced(one, DurabilityPolicy.NONE, dir, chunk, window));
            Stats s100 = measure("sequencer, journal off (NONE), " + hundred.spec.name(), 1, Math.max(2, runs - 2),
                    () -> EngineRuns.sequenced(hundred, DurabilityPolicy.NONE, dir, chunk, window));
            rows.add(row("throughput, sequencer, journal off, " + one.spec.name(), s1, "≥ 10,000,000"));
            rows.add(row("throughput, sequencer, journal off, " + hundred.spec.name(), s100, ""));
            metrics.report("engine.throughput", Math.round(s1.median), "ops/s");
            metrics.report("engine.throughput_100sym", Math.round(s100.median), "ops/s");
        }
        if (only.contains("journaled")) {
            Stats j = measure("sequencer, journaled (PER_BATCH), " + one.spec.name(), 1, Math.max(2, runs - 2),
                    () -> EngineRuns.sequenced(one, DurabilityPolicy.PER_BATCH, dir, chunk, window));
            rows.add(row("throughput, sequencer, journaled (fsync per batch), " + one.spec.name(), j, "≥ 2,000,000"));
            SequencerMetrics m = j.medianRun.metrics();
            rows.add(String.format(Locale.ROOT, "| journaled: commands per group commit (mean), fsync p50 / p99 (µs) | %.0f, %.0f / %.0f | |",
                    m.batchSize().getMean(), m.fsyncLatencyNanos().getValueAtPercentile(50) / 1e3,
                    m.fsyncLatencyNanos().getValueAtPercentile(99) / 1e3));
            metrics.report("engine.throughput_journaled", Math.round(j.median), "ops/s");
        }
        if (only.contains("latency")) {
            for (int rate : new int[] {50_000, 100_000}) {
                List<Latency> results = new ArrayList<>();
                for (int r = 0; r < latencyRuns; r++) {
                    System.gc();
                    Latency l = EngineRuns.latency(one, DurabilityPolicy.PER_BATCH, dir, rate, 1, seconds);
                    results.add(l);
                    System.out.printf(Locale.ROOT, "  latency at %,d/s run %d: p50 %.0f, p99 %.0f, p99.9 %.0f, p99.99 %.0f, max %.0f µs; "
                                    + "%,d measured, %.0f/s achieved, %d overloaded, mean batch %.1f, fsync p50 %.0f / p99 %.0f / max %.0f µs; "
                                    + "producer wakes late by p50 %.0f / p99 %.0f µs (load %s)%n",
                            rate, r + 1, l.p50Micros(), l.p99Micros(), l.p999Micros(), l.p9999Micros(), l.maxMicros(), l.measured(),
                            l.achievedRate(), l.overloaded(), l.metrics().batchSize().getMean(),
                            l.metrics().fsyncLatencyNanos().getValueAtPercentile(50) / 1e3,
                            l.metrics().fsyncLatencyNanos().getValueAtPercentile(99) / 1e3,
                            l.metrics().fsyncLatencyNanos().getMaxValue() / 1e3,
                            l.lateWakeups().getValueAtPercentile(50) / 1e3, l.lateWakeups().getValueAtPercentile(99) / 1e3, loadAverage());
                }
                double p50 = median(results, Latency::p50Micros);
                double p99 = median(results, Latency::p99Micros);
                double p999 = median(results, Latency::p999Micros);
                double p9999 = median(results, Latency::p9999Micros);
                double max = median(results, Latency::maxMicros);
                String goal = rate == 50_000 ? "p99 ≤ 500" : "p99 ≤ 1,000";
                double fsync99 = median(results, l -> l.metrics().fsyncLatencyNanos().getValueAtPercentile(99) / 1e3);
                double late99 = median(results, l -> l.lateWakeups().getValueAtPercentile(99) / 1e3);
                rows.add(String.format(Locale.ROOT, "| latency at %,d/s, journaled, open loop: p50 / p99 / p99.9 / p99.99 / max µs (median of %d) | %.0f / %.0f / %.0f / %.0f / %.0f | %s |",
                        rate, results.size(), p50, p99, p999, p9999, max, goal));
                rows.add(String.format(Locale.ROOT, "| … context at %,d/s: fsync p99 / producer wake-up lateness p99 (µs, median of runs) | %.0f / %.0f | |",
                        rate, fsync99, late99));
                String suffix = rate == 50_000 ? "" : "_100k";
                metrics.report("engine.latency_p50" + suffix, Math.round(p50), "us");
                metrics.report("engine.latency_p99" + suffix, Math.round(p99), "us");
                metrics.report("engine.latency_p9999" + suffix, Math.round(p9999), "us");
            }
        }
        if (only.contains("footprint") && footprintOrders > 0) {
            Footprint f = footprint(footprintOrders, footprintLevels);
            if (f != null) {
                rows.add(String.format(Locale.ROOT, "| heap per resting order (%,d orders over 100 symbols x %,d levels/side, 10,000 accounts) | %.1f bytes | |",
                        f.orders, footprintLevels, f.bytesPerOrder()));
                rows.add(String.format(Locale.ROOT, "| heap used with %,d resting orders (after a full GC, whole engine) | %,d MB | ≤ 2,048 MB for 10M |",
                        f.orders, f.after >> 20));
                metrics.report("engine.bytes_per_resting_order", Math.round(f.bytesPerOrder() * 10) / 10.0, "bytes");
                if (f.orders == 10_000_000) {
                    metrics.report("engine.heap_10m_resting_orders", f.after >> 20, "MB");
                } else {
                    System.out.println("(engine.heap_10m_resting_orders is reported only with --footprint-orders 10000000)");
                }
            }
        }
        rows.add(String.format(Locale.ROOT, "| flow %s: %s; rejected %.3f %%; %.2f events and %.2f trades per command; %,d open at end | | |",
                one.spec.name(), one.mixDescription(), 100 * one.rejectionRate(), one.events / (double) commands,
                one.trades / (double) commands, one.finalOpenOrders));
        if (hundred != null) {
            rows.add(String.format(Locale.ROOT, "| flow %s: %s; rejected %.3f %%; %.2f events and %.2f trades per command; %,d open at end | | |",
                    hundred.spec.name(), hundred.mixDescription(), 100 * hundred.rejectionRate(), hundred.events / (double) commands,
                    hundred.trades / (double) commands, hundred.finalOpenOrders));
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "Engine benchmark, %,d commands per flow; load average at the end: %s%n", commands, loadAverage());
        System.out.println("| figure | value | goal |");
        System.out.println("|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        metrics.report("engine.rejection_rate", Math.round(one.rejectionRate() * 1e5) / 1e3, "%");
    }

    // ------------------------------------------------------------------ helpers

    private static OrderFlow generate(OrderFlow.Spec spec) {
        System.out.printf(Locale.ROOT, "Generating %s: %,d commands (+ setup) ...%n", spec.name(), spec.commands());
        OrderFlow flow = OrderFlow.generate(spec);
        System.out.printf(Locale.ROOT, "  %.1f s; setup %,d commands; mix %s; rejected %.3f %% (%d reduces fell back to cancel); %.2f events/command; %,d open at end%n",
                flow.generationSeconds, flow.setup.length, flow.mixDescription(), 100 * flow.rejectionRate(), flow.reduceFallbacks,
                flow.events / (double) flow.commands.length, flow.finalOpenOrders);
        return flow;
    }

    interface RunBody {
        Run run() throws Exception;
    }

    record Stats(double median, double min, double max, double cpuMedian, double bytesPerOp, int runs, Run medianRun) {
    }

    private static Stats measure(String label, int warmups, int runs, RunBody body) throws Exception {
        System.out.printf(Locale.ROOT, "%s: %d warm-up + %d measured runs%n", label, warmups, runs);
        List<Run> measured = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            System.gc();
            Run r = body.run();
            boolean warm = i < warmups;
            System.out.printf(Locale.ROOT, "  %s %d: %,.0f ops/s wall, %,.0f ops per CPU-second of the applying thread, %.0f bytes/op, %d rejected%s (load %s)%n",
                    warm ? "warm-up" : "run", warm ? i + 1 : i - warmups + 1, r.opsPerSecond(), r.cpuOpsPerSecond(), r.bytesPerOp(),
                    r.rejected(), r.metrics() == null ? "" : String.format(Locale.ROOT, ", mean batch %.0f, %d fsyncs",
                            r.metrics().batchSize().getMean(), r.metrics().fsyncs()), loadAverage());
            if (!warm) {
                measured.add(r);
            }
        }
        List<Run> sorted = new ArrayList<>(measured);
        sorted.sort((a, b) -> Double.compare(a.opsPerSecond(), b.opsPerSecond()));
        Run mid = sorted.get(sorted.size() / 2);
        return new Stats(median(measured, Run::opsPerSecond), sorted.getFirst().opsPerSecond(), sorted.getLast().opsPerSecond(),
                median(measured, Run::cpuOpsPerSecond), median(measured, Run::bytesPerOp), measured.size(), mid);
    }

    private static String row(String figure, Stats s, String goal) {
        return String.format(Locale.ROOT, "| %s, ops/s (median of %d; min–max; per CPU-second of the applying thread) | %,.0f (%,.0f–%,.0f; %,.0f) | %s |",
                figure, s.runs, s.median, s.min, s.max, s.cpuMedian, goal);
    }

    private static <T> double median(List<T> values, ToDoubleFunction<T> f) {
        double[] v = values.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    record Footprint(long orders, long open, long before, long after, double seconds, double cpuSeconds) {
        double bytesPerOrder() {
            return (after - before) / (double) open;
        }
    }

    /**
     * Runs {@link RestingOrdersFootprint} in a child JVM with its own heap (-Xmx3g): the launcher's 4 GB
     * heap would hold the flows of the other parts too, and the figure must be the engine's alone.
     */
    private static Footprint footprint(int orders, int levels) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xms3g", "-Xmx3g", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                RestingOrdersFootprint.class.getName(), Integer.toString(orders), "100", "10000", Integer.toString(levels));
        System.out.printf(Locale.ROOT, "Resting orders: %,d in a child JVM (-Xmx3g) ...%n", orders);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        Footprint result = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("footprint ")) {
                    String[] p = line.split(" ");
                    result = new Footprint(Long.parseLong(p[1]), Long.parseLong(p[2]), Long.parseLong(p[3]), Long.parseLong(p[4]),
                            Double.parseDouble(p[5]), Double.parseDouble(p[6]));
                } else {
                    System.out.println("  child: " + line);
                }
            }
        }
        if (!child.waitFor(10, TimeUnit.MINUTES) || child.exitValue() != 0 || result == null) {
            child.destroyForcibly();
            System.out.println("  the footprint child failed (exit " + (child.isAlive() ? "none" : child.exitValue())
                    + "): no figure. Does the book fit in 3 GB?");
            return null;
        }
        System.out.printf(Locale.ROOT, "  %,d open after %.1f s (%.1f s CPU of the placing thread); heap %,d MB before, %,d MB after%n",
                result.open, result.seconds, result.cpuSeconds, result.before >> 20, result.after >> 20);
        return result;
    }

    static String loadAverage() {
        try {
            String[] p = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return p[0] + " " + p[1] + " " + p[2];
        } catch (Exception e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        String value = stringArg(args, name, null);
        return value == null ? fallback : Integer.parseInt(value.replace("_", "").replace(",", ""));
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
