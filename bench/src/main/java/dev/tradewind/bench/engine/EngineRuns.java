package dev.tradewind.bench.engine;

import dev.tradewind.engine.command.Command;
import dev.tradewind.engine.command.CommandCodec;
import dev.tradewind.engine.core.MatchingEngine;
import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.journal.DurabilityPolicy;
import dev.tradewind.engine.result.Result;
import dev.tradewind.engine.sequencer.Sequencer;
import dev.tradewind.engine.sequencer.SequencerConfig;
import dev.tradewind.engine.sequencer.SequencerMetrics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** The measured runs: direct on the state machine, through the sequencer, open-loop latency. */
final class EngineRuns {
    private EngineRuns() {
    }

    /** One timed run. {@code cpuOpsPerSecond} uses the applying thread's CPU time (discounts descheduling). */
    record Run(double opsPerSecond, double cpuOpsPerSecond, double bytesPerOp, long rejected, SequencerMetrics metrics) {
    }

    /**
     * The one event sink of the direct runs (so the engine's sink call stays monomorphic). It keeps the
     * events in a ring, as the sequencer's batch does: a sink that dropped them would let escape analysis
     * remove their allocation and flatter the figure.
     */
    static final class RetainingSink implements Consumer<EngineEvent> {
        private final EngineEvent[] ring = new EngineEvent[4096];
        long count;

        @Override
        public void accept(EngineEvent event) {
            ring[(int) count++ & (ring.length - 1)] = event;
        }
    }

    // ------------------------------------------------------------------ direct

    /** Fresh engine, setup untimed, then every command applied on this thread; checks the final state hash. */
    static Run direct(OrderFlow flow) {
        MatchingEngine engine = new MatchingEngine();
        RetainingSink sink = new RetainingSink();
        Result[] results = new Result[4096]; // kept for the same reason
        long sequence = OrderFlow.apply(engine, flow.setup, 0, sink);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long bytes0 = threads.getCurrentThreadAllocatedBytes();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long rejected = 0;
        Command[] commands = flow.commands;
        for (Command command : commands) {
            sequence++;
            Result result = engine.apply(sequence, sequence, command, sink);
            results[(int) sequence & (results.length - 1)] = result;
            if (result.rejectCode() != null) {
                rejected++;
            }
        }
        long elapsed = System.nanoTime() - t0;
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        long bytes = threads.getCurrentThreadAllocatedBytes() - bytes0;
        if (engine.stateHash() != flow.finalStateHash) {
            throw new IllegalStateException("replay of " + flow.spec.name() + " ended in another state than its generation: "
                    + "the flow is not deterministic, figures would not be comparable");
        }
        int n = commands.length;
        return new Run(n * 1e9 / elapsed, n * 1e9 / cpu, bytes / (double) n, rejected, null);
    }

    // ------------------------------------------------------------------ through the sequencer

    static SequencerConfig config(Path dir, DurabilityPolicy policy) {
        return SequencerConfig.defaults(dir).withDurability(policy, Duration.ofMillis(10));
    }

    static Sequencer<Command, Result, EngineEvent, MatchingEngine> start(SequencerConfig config) throws IOException {
        return Sequencer.start(config, new CommandCodec(), MatchingEngine::new);
    }

    /** Submits {@code commands} in chunks with a window of chunks in flight; returns the rejected count. */
    static long submitAll(Sequencer<Command, Result, EngineEvent, MatchingEngine> sequencer, Command[] commands,
                          int chunk, int window) {
        ArrayDeque<CompletableFuture<List<Result>>> inFlight = new ArrayDeque<>();
        List<Command> all = Arrays.asList(commands);
        long rejected = 0;
        for (int from = 0; from < commands.length; from += chunk) {
            List<Command> slice = all.subList(from, Math.min(commands.length, from + chunk));
            CompletableFuture<List<Result>> future = sequencer.submitAll(slice);
            while (future.isCompletedExceptionally()) { // overloaded: wait for the oldest and retry (keeps the order)
                if (inFlight.isEmpty()) {
                    future.join(); // throws the reason
                }
                rejected += rejections(inFlight.poll().join());
                future = sequencer.submitAll(slice);
            }
            inFlight.add(future);
            if (inFlight.size() >= window) {
                rejected += rejections(inFlight.poll().join());
            }
        }
        while (!inFlight.isEmpty()) {
            rejected += rejections(inFlight.poll().join());
        }
        return rejected;
    }

    private static long rejections(List<Result> results) {
        long n = 0;
        for (Result result : results) {
            if (result.rejectCode() != null) {
                n++;
            }
        }
        return n;
    }

    /**
     * Fresh sequencer in a fresh directory; the setup is submitted untimed, then the flow in chunks of
     * {@code chunk} commands ({@code submitAll}, a window of chunks in flight). Timed from the first
     * submit to the last result.
     */
    static Run sequenced(OrderFlow flow, DurabilityPolicy policy, Path parent, int chunk, int window) throws IOException {
        Path dir = Files.createTempDirectory(parent, "engine-bench-");
        try {
            try (var sequencer = start(config(dir, policy))) {
                submitAll(sequencer, flow.setup, chunk, window);
                long writerThread = sequencer.query(m -> Thread.currentThread().threadId()).join();
                var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                long cpu0 = threads.getThreadCpuTime(writerThread);
                long bytes0 = threads.getThreadAllocatedBytes(writerThread);
                long t0 = System.nanoTime();
                long rejected = submitAll(sequencer, flow.commands, chunk, window);
                long elapsed = System.nanoTime() - t0;
                long cpu = threads.getThreadCpuTime(writerThread) - cpu0;
                long bytes = threads.getThreadAllocatedBytes(writerThread) - bytes0;
                int n = flow.commands.length;
                return new Run(n * 1e9 / elapsed, n * 1e9 / cpu, bytes / (double) n, rejected, sequencer.metrics());
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    // ------------------------------------------------------------------ open-loop latency

    /**
     * @param p50Micros ... from the scheduled send time to the completion of the command's future
     */
    record Latency(int rate, long measured, double p50Micros, double p99Micros, double p999Micros, double p9999Micros,
                   double maxMicros, long overloaded, double achievedRate, SequencerMetrics metrics, Histogram lateWakeups) {
    }

    /**
     * Open loop: command {@code i} is due at {@code start + i / rate}; the producer sends every due command
     * at once ({@code submitAll}), then parks until the next one is due (never spins). Latency is the
     * completion time of the command's future minus its scheduled time, so a late producer or a stalled
     * engine is charged in full (no coordinated omission). The first {@code warmupSeconds} are not recorded.
     */
    static Latency latency(OrderFlow flow, DurabilityPolicy policy, Path parent, int rate, int warmupSeconds,
                           int seconds) throws IOException {
        Path dir = Files.createTempDirectory(parent, "engine-latency-");
        try {
            try (var sequencer = start(config(dir, policy))) {
                submitAll(sequencer, flow.setup, 512, 16);
                int total = Math.min(flow.commands.length, rate * (warmupSeconds + seconds));
                int warmup = Math.min(total / 2, rate * warmupSeconds);
                List<Command> commands = Arrays.asList(flow.commands);
                long interval = 1_000_000_000L / rate;
                Recorder recorder = new Recorder(3);
                AtomicLong overloaded = new AtomicLong();
                CompletableFuture<?>[] last = new CompletableFuture<?>[1];
                int maxChunk = sequencer.config().maxBatchSize();
                // How late the producer wakes from parkNanos: the machine's scheduling noise, charged to every figure.
                Histogram lateWakeups = new Histogram(3);
                long start = System.nanoTime() + 1_000_000;
                int next = 0;
                while (next < total) {
                    long now = System.nanoTime();
                    long dueThrough = now < start ? -1 : Math.min(total - 1, (now - start) / interval);
                    if (dueThrough < next) {
                        long wakeAt = start + next * interval;
                        LockSupport.parkNanos(wakeAt - now);
                        if (next >= warmup) {
                            lateWakeups.recordValue(Math.max(0, System.nanoTime() - wakeAt));
                        }
                        continue;
                    }
                    int from = next;
                    int to = (int) Math.min(dueThrough + 1, from + maxChunk);
                    next = to;
                    CompletableFuture<List<Result>> future = sequencer.submitAll(commands.subList(from, to));
                    last[0] = future.whenComplete((results, error) -> {
                        long done = System.nanoTime();
                        if (error != null) {
                            overloaded.addAndGet(to - from);
                            return;
                        }
                        for (int i = Math.max(from, warmup); i < to; i++) {
                            recorder.recordValue(Math.max(0, done - (start + i * interval)));
                        }
                    });
                }
                long sent = System.nanoTime();
                try {
                    last[0].join();
                } catch (RuntimeException e) {
                    // counted in overloaded
                }
                // results are completed in order: the last one done means all are
                sequencer.query(m -> 0).join();
                Histogram h = recorder.getIntervalHistogram();
                double achieved = (total - warmup) * 1e9 / Math.max(1, sent - (start + warmup * interval));
                return new Latency(rate, h.getTotalCount(), h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                        h.getValueAtPercentile(99.9) / 1e3, h.getValueAtPercentile(99.99) / 1e3, h.getMaxValue() / 1e3,
                        overloaded.get(), achieved, sequencer.metrics(), lateWakeups);
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
