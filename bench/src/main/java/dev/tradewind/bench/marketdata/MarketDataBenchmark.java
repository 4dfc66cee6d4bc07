package dev.tradewind.bench.marketdata;

import dev.tradewind.bench.Benchmark;
import dev.tradewind.bench.Metrics;
import dev.tradewind.engine.marketdata.HandoffQueue;
import dev.tradewind.engine.marketdata.InstrumentScale;
import dev.tradewind.engine.marketdata.MarketDataListener;
import dev.tradewind.engine.marketdata.MarketDataPipeline;
import dev.tradewind.engine.marketdata.MutableUpdate;
import dev.tradewind.engine.marketdata.SymbolTable;
import dev.tradewind.engine.marketdata.candle.Candle;
import dev.tradewind.engine.marketdata.candle.CandleListener;
import dev.tradewind.engine.marketdata.feed.GbmGenerator;
import dev.tradewind.engine.marketdata.feed.GbmParameters;
import dev.tradewind.engine.marketdata.latency.LatencyMonitor;
import dev.tradewind.engine.marketdata.latency.LatencySnapshot;
import dev.tradewind.engine.marketdata.latency.LatencyStage;
import dev.tradewind.engine.marketdata.latency.StageLatency;
import dev.tradewind.engine.marketdata.stream.ConflatingFanout;
import dev.tradewind.engine.marketdata.text.FastLineParser;
import dev.tradewind.engine.marketdata.trigger.StopTriggerIndex;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * {@code ./tradewind bench marketdata}: throughput of the whole single-threaded pipeline over
 * pre-generated text lines, latency at an offered load of 100k updates/s (open loop), and the
 * conflating stream fan-out with 1,000 subscribers.
 *
 * <p>Options: {@code --lines N} (default 2,000,000), {@code --runs N} (7), {@code --rate N} (100000),
 * {@code --seconds N} (5), {@code --spin N} (consumer polls before parking, default 0).
 */
public final class MarketDataBenchmark implements Benchmark {
    private static final List<InstrumentScale> INSTRUMENTS = List.of(
            InstrumentScale.of("BTC-USD", "0.01", "0.00001"),
            InstrumentScale.of("ETH-USD", "0.01", "0.0001"),
            InstrumentScale.of("SOL-USD", "0.001", "0.01"),
            InstrumentScale.of("DOGE-USD", "0.00001", "1"),
            InstrumentScale.of("AAPL-USD", "0.01", "0.001"),
            InstrumentScale.of("MSFT-USD", "0.01", "0.001"),
            InstrumentScale.of("NVDA-USD", "0.01", "0.001"),
            InstrumentScale.of("TSLA-USD", "0.01", "0.001"));
    private static final double[] START_PRICES = {42_000, 3_100, 150, 0.38, 187, 415, 135, 250};
    private static final long START_MILLIS = 1_732_420_000_000L;
    private static final int STOPS_PER_SIDE = 256;
    /** Latency alerts are counted in the snapshots; their WARN lines would drown the table. */
    private static final System.Logger QUIET = new System.Logger() {
        @Override
        public String getName() {
            return "bench";
        }

        @Override
        public boolean isLoggable(Level level) {
            return false;
        }

        @Override
        public void log(Level level, java.util.ResourceBundle bundle, String msg, Throwable thrown) {
        }

        @Override
        public void log(Level level, java.util.ResourceBundle bundle, String format, Object... params) {
        }
    };

    @Override
    public String name() {
        return "marketdata";
    }

    @Override
    public String description() {
        return "market-data pipeline: updates/s, latency at 100k/s, conflating fan-out to 1,000 subscribers";
    }

    @Override
    public void run(String[] args, Metrics metrics) throws Exception {
        int lines = intArg(args, "--lines", 2_000_000);
        int runs = intArg(args, "--runs", 7);
        int rate = intArg(args, "--rate", 100_000);
        int seconds = intArg(args, "--seconds", 5);
        int spin = intArg(args, "--spin", 0);

        SymbolTable symbols = new SymbolTable(INSTRUMENTS);
        System.out.printf(Locale.ROOT, "Generating %,d lines (GBM, %d instruments, seed 42) ...%n", lines, INSTRUMENTS.size());
        Lines data = generate(symbols, lines);
        System.out.printf(Locale.ROOT, "  %,d bytes, %.1f bytes/line, %.0f s of market time; mix: 30%% trades, 10%% reference, 60%% quotes%n",
                data.bytes.length, data.bytes.length / (double) lines, data.spanMillis / 1000.0);

        Throughput throughput = throughput(symbols, data, runs);
        Latency latency = latency(symbols, data, rate, seconds, spin);
        Fanout fanout = fanout();

        System.out.println();
        System.out.println("| figure | value | goal |");
        System.out.println("|---|---|---|");
        System.out.printf(Locale.ROOT, "| updates/s, whole pipeline, 1 thread (median of %d runs) | %,.0f | ≥ 10,000,000 |%n", runs, throughput.median);
        System.out.printf(Locale.ROOT, "| updates/s, min / max run | %,.0f / %,.0f | |%n", throughput.min, throughput.max);
        System.out.printf(Locale.ROOT, "| updates per second of pipeline-thread CPU time (median) | %,.0f | |%n", throughput.perCpuSecond);
        System.out.printf(Locale.ROOT, "| updates/s with every update timed per stage | %,.0f | |%n", throughput.allTimed);
        System.out.printf(Locale.ROOT, "| latency p50 / p99 / p99.9 / max at %,d/s (µs, from scheduled time) | %.1f / %.1f / %.1f / %.1f | p99 ≤ 50 |%n",
                rate, latency.p50, latency.p99, latency.p999, latency.max);
        System.out.printf(Locale.ROOT, "| fan-out msgs/s delivered, 1,000 subscribers, saturated | %,.0f | |%n", fanout.saturatedMsgsPerSecond);
        System.out.printf(Locale.ROOT, "| fan-out at 10 updates/s per subscriber: min / median per subscriber (msgs/s), starved | %.1f / %.1f, %d | none starved |%n",
                fanout.pacedMin, fanout.pacedMedian, fanout.starved);
        System.out.println();

        metrics.report("marketdata.updates_per_s", Math.round(throughput.median), "ops/s");
        metrics.report("marketdata.latency_p50", round1(latency.p50), "us");
        metrics.report("marketdata.latency_p99", round1(latency.p99), "us");
        metrics.report("marketdata.latency_p999", round1(latency.p999), "us");
        metrics.report("marketdata.ws_fanout_msgs_per_s", Math.round(fanout.saturatedMsgsPerSecond), "msgs/s");
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1].replace("_", ""));
            }
        }
        return fallback;
    }

    // ------------------------------------------------------------------ data

    record Lines(byte[] bytes, int[] starts, int[] ends, long spanMillis) {
    }

    private static Lines generate(SymbolTable symbols, int n) {
        List<GbmParameters> params = new ArrayList<>();
        for (int i = 0; i < INSTRUMENTS.size(); i++) {
            params.add(new GbmParameters(INSTRUMENTS.get(i).symbol(), START_PRICES[i], 0.0, 0.6, 1_000, 1, 0.3, 0.1, 1_000));
        }
        GbmGenerator generator = new GbmGenerator(symbols, params, 42, START_MILLIS);
        MutableUpdate u = new MutableUpdate();
        ByteArrayOutputStream out = new ByteArrayOutputStream(n * 48);
        int[] starts = new int[n];
        int[] ends = new int[n];
        StringBuilder sb = new StringBuilder(64);
        long last = START_MILLIS;
        for (int i = 0; i < n; i++) {
            generator.next(u);
            last = u.eventTime();
            sb.setLength(0);
            FastLineParser.format(u, symbols, sb);
            byte[] line = sb.toString().getBytes(StandardCharsets.US_ASCII);
            starts[i] = out.size();
            out.write(line, 0, line.length);
            ends[i] = out.size();
            out.write('\n');
        }
        return new Lines(out.toByteArray(), starts, ends, last - START_MILLIS);
    }

    // ------------------------------------------------------------------ throughput

    /** {@code perCpuSecond}: updates per second of the pipeline thread's own CPU time (what the wall clock shows without neighbours). */
    record Throughput(double median, double min, double max, double allTimed, double perCpuSecond) {
    }

    /** A pipeline as the benchmark runs it: stops that re-arm when fired, counting sinks. */
    private static final class Rig {
        final StopTriggerIndex stops;
        final MarketDataPipeline pipeline;
        long closedCandles;
        long applied;
        long seed = 0x9E3779B97F4A7C15L;

        Rig(SymbolTable symbols, int sampleEvery) {
            long[] startTicks = new long[symbols.size()];
            for (int i = 0; i < symbols.size(); i++) {
                startTicks[i] = symbols.scale(i).ticks(java.math.BigDecimal.valueOf(START_PRICES[i]));
            }
            StopTriggerIndex[] self = new StopTriggerIndex[1];
            stops = new StopTriggerIndex(symbols.size(), (instrument, id, buy, level, price, time) -> {
                // re-arm away from the price so the index keeps a steady population and real work
                long distance = 1 + (next() & 255);
                self[0].add(instrument, id, buy, buy ? price + distance : Math.max(1, price - distance));
            });
            self[0] = stops;
            for (int i = 0; i < symbols.size(); i++) {
                for (int k = 1; k <= STOPS_PER_SIDE; k++) {
                    stops.add(i, k, true, startTicks[i] + k);
                    stops.add(i, -k, false, Math.max(1, startTicks[i] - k));
                }
            }
            LatencyMonitor monitor = new LatencyMonitor(LatencyMonitor.Settings.DEFAULTS.withSampleEvery(sampleEvery),
                    alert -> { }, System::nanoTime, System::currentTimeMillis, QUIET);
            pipeline = MarketDataPipeline.builder(symbols).latency(monitor).triggers(stops)
                    .candles(new CandleListener() {
                        @Override
                        public void onCandleClosed(int instrument, Candle candle) {
                            closedCandles++;
                        }
                    })
                    .sink((MarketDataListener) (update, state) -> applied++)
                    .build();
        }

        private long next() {
            seed ^= seed << 13;
            seed ^= seed >>> 7;
            seed ^= seed << 17;
            return seed;
        }
    }

    private static Throughput throughput(SymbolTable symbols, Lines data, int runs) {
        System.out.printf(Locale.ROOT, "%nThroughput: parse → normalize → apply → candles (5 intervals) → ticker → triggers (%d stops/side/instrument) → sinks, one thread%n",
                STOPS_PER_SIDE);
        int warmups = 3;
        double[] rates = new double[runs];
        double[] cpuRates = new double[runs];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Rig rig = null;
        for (int r = -warmups; r < runs; r++) {
            rig = new Rig(symbols, LatencyMonitor.Settings.DEFAULTS.sampleEvery());
            System.gc();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            int ok = rig.pipeline.onLines(data.bytes, 0, data.bytes.length);
            long elapsed = System.nanoTime() - t0;
            long cpu = threads.getCurrentThreadCpuTime() - c0;
            if (ok != data.starts.length) {
                throw new IllegalStateException("only " + ok + " of " + data.starts.length + " lines accepted: " + rig.pipeline.rejections().counts());
            }
            double rate = data.starts.length * 1e9 / elapsed;
            System.out.printf(Locale.ROOT, "  %s %d: %,.0f updates/s (%.1f ns/update; %.1f ns of thread CPU time)%n",
                    r < 0 ? "warm-up" : "run", r < 0 ? r + warmups + 1 : r + 1,
                    rate, elapsed / (double) data.starts.length, cpu / (double) data.starts.length);
            if (r >= 0) {
                rates[r] = rate;
                cpuRates[r] = data.starts.length * 1e9 / cpu;
            }
        }
        LatencySnapshot snapshot = rig.pipeline.latency().snapshot();
        System.out.printf(Locale.ROOT, "  last run: %,d stops fired, %,d candles closed, %,d late drops, %d latency alerts (batches of 1,024 over 1 ms:%n"
                        + "  the thread was descheduled); stage latency (1 update in %d timed, ns, including ~25 ns of nanoTime):%n",
                rig.stops.fired(), rig.closedCandles, rig.pipeline.lateDropped(), snapshot.alerts(), snapshot.sampleEvery());
        for (StageLatency s : snapshot.stages()) {
            System.out.printf(Locale.ROOT, "    %-10s p50 %6d  p99 %7d  p99.9 %8d  max %9d%n", s.stage().metricName(), s.p50(), s.p99(), s.p999(), s.max());
        }
        Rig timed = new Rig(symbols, 1);
        timed.pipeline.onLines(data.bytes, 0, data.bytes.length);
        timed = new Rig(symbols, 1);
        long t0 = System.nanoTime();
        timed.pipeline.onLines(data.bytes, 0, data.bytes.length);
        double allTimed = data.starts.length * 1e9 / (System.nanoTime() - t0);
        System.out.printf(Locale.ROOT, "  with every update timed per stage (8 nanoTime calls each): %,.0f updates/s%n", allTimed);
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        Arrays.sort(cpuRates);
        return new Throughput(sorted[runs / 2], sorted[0], sorted[runs - 1], allTimed, cpuRates[runs / 2]);
    }

    // ------------------------------------------------------------------ latency

    record Latency(double p50, double p99, double p999, double max) {
    }

    private static Latency latency(SymbolTable symbols, Lines data, int rate, int seconds, int spin) throws Exception {
        int warmupSeconds = 1;
        int total = Math.min(data.starts.length, rate * (seconds + warmupSeconds));
        int warmupCount = Math.min(total / 2, rate * warmupSeconds);
        long period = 1_000_000_000L / rate;
        System.out.printf(Locale.ROOT, "%nLatency: open loop at %,d updates/s for %d s (+%d s warm-up): a producer thread hands line indexes to the%n"
                        + "  pipeline thread through a bounded HandoffQueue (capacity 65,536; consumer polls %d times, then parks; the producer%n"
                        + "  unparks it). Latency = end of processing − the update's scheduled send time (no coordinated omission).%n"
                        + "  The producer keeps its schedule with Thread.yield() between sends (it stands in for the network).%n",
                rate, seconds, warmupSeconds, spin);
        Rig rig = new Rig(symbols, LatencyMonitor.Settings.DEFAULTS.sampleEvery());
        HandoffQueue<Integer> queue = new HandoffQueue<>(65_536, spin);
        Integer[] jobs = new Integer[total];
        for (int i = 0; i < total; i++) {
            jobs[i] = i;
        }
        Histogram histogram = new Histogram(1, TimeUnit.SECONDS.toNanos(10), 3);
        AtomicLong start = new AtomicLong();
        CountDownLatchLite ready = new CountDownLatchLite();
        Thread consumer = Thread.ofPlatform().name("bench-pipeline").start(() -> {
            ready.await();
            long s = start.get();
            try {
                for (int n = 0; n < total; n++) {
                    int i = queue.take();
                    rig.pipeline.onLine(data.bytes, data.starts[i], data.ends[i]);
                    long latency = System.nanoTime() - (s + i * period);
                    if (i >= warmupCount) {
                        histogram.recordValue(Math.min(Math.max(latency, 1), TimeUnit.SECONDS.toNanos(10)));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long startNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        start.set(startNanos);
        ready.release();
        long late = 0;
        for (int i = 0; i < total; i++) {
            long due = startNanos + i * period;
            long now;
            while ((now = System.nanoTime()) < due) {
                if (due - now > 200_000) {
                    LockSupport.parkNanos(due - now - 150_000);
                } else {
                    Thread.yield();
                }
            }
            if (now - due > 50_000) {
                late++;
            }
            if (!queue.offer(jobs[i])) {
                queue.put(jobs[i]);
            }
        }
        consumer.join();
        System.out.printf(Locale.ROOT, "  measured %,d updates; producer more than 50 µs behind schedule for %,d of %,d sends%n",
                histogram.getTotalCount(), late, total);
        System.out.printf(Locale.ROOT, "  µs: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  p99.99 %.1f  max %.1f%n",
                histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(90) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3,
                histogram.getValueAtPercentile(99.99) / 1e3, histogram.getMaxValue() / 1e3);
        LatencySnapshot stages = rig.pipeline.latency().snapshot();
        StageLatency totalStage = stages.stage(LatencyStage.TOTAL);
        System.out.printf(Locale.ROOT, "  pipeline processing alone (sampled): p50 %.2f µs, p99 %.2f µs; latency alerts over 1 ms: %d%n",
                totalStage.p50() / 1e3, totalStage.p99() / 1e3, stages.alerts());
        return new Latency(histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(99) / 1e3,
                histogram.getValueAtPercentile(99.9) / 1e3, histogram.getMaxValue() / 1e3);
    }

    /** A one-shot start gate (parks, never spins). */
    private static final class CountDownLatchLite {
        private final java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);

        void release() {
            latch.countDown();
        }

        void await() {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ------------------------------------------------------------------ fan-out

    record Fanout(double saturatedMsgsPerSecond, double pacedMin, double pacedMedian, int starved) {
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An immutable ticker like the one the streams will send. */
    record TickerMessage(String symbol, long last, long bid, long ask, long volume, long time) {
        String json() {
            return new StringBuilder(160).append("{\"channel\":\"ticker:").append(symbol).append("\",\"data\":{\"symbol\":\"")
                    .append(symbol).append("\",\"last\":\"").append(last).append("\",\"bid\":\"").append(bid)
                    .append("\",\"ask\":\"").append(ask).append("\",\"volume24h\":\"").append(volume)
                    .append("\",\"timestamp\":").append(time).append("}}").toString();
        }
    }

    private static Fanout fanout() throws Exception {
        int subscribers = 1_000;
        int channels = 10;
        System.out.printf(Locale.ROOT, "%nFan-out (in-process; the WebSocket endpoint comes with the streams): ConflatingFanout, %,d subscribers, each on one of%n"
                + "  %d ticker channels, delivery = encode the JSON frame and count its bytes, on a virtual thread per drain.%n"
                + "  Plus 1 stalled subscriber (blocks for ever) and 10 slow ones (sleep 50 ms per message) on every channel.%n", subscribers, channels);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            ConflatingFanout<String, TickerMessage> fanout = new ConflatingFanout<>(executor);
            AtomicLong bytes = new AtomicLong();
            List<ConflatingFanout.Subscriber<String, TickerMessage>> subs = new ArrayList<>();
            java.util.concurrent.atomic.AtomicLongArray lastTick = new java.util.concurrent.atomic.AtomicLongArray(subscribers);
            for (int i = 0; i < subscribers; i++) {
                int index = i;
                subs.add(fanout.subscriber((channel, m) -> {
                    bytes.addAndGet(m.json().length());
                    lastTick.set(index, m.volume());
                }).subscribe("ticker:" + (i % channels)));
            }
            java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
            var stalled = fanout.subscriber((channel, m) -> never.await());
            List<ConflatingFanout.Subscriber<String, TickerMessage>> slow = new ArrayList<>();
            for (int c = 0; c < channels; c++) {
                stalled.subscribe("ticker:" + c);
            }
            for (int s = 0; s < 10; s++) {
                var sub = fanout.subscriber((channel, m) -> Thread.sleep(50));
                for (int c = 0; c < channels; c++) {
                    sub.subscribe("ticker:" + c);
                }
                slow.add(sub);
            }

            // paced: every channel updated 10 times a second for 3 s
            long[] before = subs.stream().mapToLong(ConflatingFanout.Subscriber::delivered).toArray();
            int pacedSeconds = 3;
            long maxPublishNanos = 0;
            long t0 = System.nanoTime();
            for (int tick = 0; tick < pacedSeconds * 10; tick++) {
                long due = t0 + tick * 100_000_000L;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                long p0 = System.nanoTime();
                for (int c = 0; c < channels; c++) {
                    fanout.publish("ticker:" + c, new TickerMessage("SYM" + c, 4_200_000 + tick, 4_199_999 + tick, 4_200_001 + tick, tick, p0));
                }
                maxPublishNanos = Math.max(maxPublishNanos, System.nanoTime() - p0);
            }
            double pacedElapsed = (System.nanoTime() - t0) / 1e9;
            // starved = still without the final state one second after it was published
            long lastValue = pacedSeconds * 10 - 1;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            int starved;
            do {
                starved = 0;
                for (int i = 0; i < subscribers; i++) {
                    if (lastTick.get(i) != lastValue) {
                        starved++;
                    }
                }
            } while (starved > 0 && System.nanoTime() < deadline && sleep(5));
            double[] perSubscriber = new double[subscribers];
            long conflatedPaced = 0;
            for (int i = 0; i < subscribers; i++) {
                perSubscriber[i] = (subs.get(i).delivered() - before[i]) / pacedElapsed;
                conflatedPaced += subs.get(i).conflated();
            }
            Arrays.sort(perSubscriber);
            System.out.printf(Locale.ROOT, "  paced 10/s per channel for %d s: per subscriber min %.1f, median %.1f, max %.1f msgs/s (%,d of %,d values superseded%n"
                            + "  before delivery); %d subscribers without the final state 1 s after it was published (starved);%n"
                            + "  slowest publish of 10 channels %.1f µs; slow subscribers got %d msgs each (latest state only)%n",
                    pacedSeconds, perSubscriber[0], perSubscriber[subscribers / 2], perSubscriber[subscribers - 1],
                    conflatedPaced, (long) subscribers * pacedSeconds * 10, starved, maxPublishNanos / 1e3, slow.getFirst().delivered());

            // saturated: publish as fast as one thread can for 2 s
            long delivered0 = subs.stream().mapToLong(ConflatingFanout.Subscriber::delivered).sum();
            long published = 0;
            long s0 = System.nanoTime();
            long end = s0 + TimeUnit.SECONDS.toNanos(2);
            long tick = 0;
            TickerMessage[] messages = new TickerMessage[channels];
            while (System.nanoTime() < end) {
                tick++;
                for (int c = 0; c < channels; c++) {
                    messages[c] = new TickerMessage("SYM" + c, 4_200_000 + tick, 4_199_999 + tick, 4_200_001 + tick, tick, tick);
                    fanout.publish("ticker:" + c, messages[c]);
                }
                published += channels;
            }
            long elapsed = System.nanoTime() - s0;
            long delivered = subs.stream().mapToLong(ConflatingFanout.Subscriber::delivered).sum() - delivered0;
            Thread.sleep(200);
            long conflated = subs.stream().mapToLong(ConflatingFanout.Subscriber::conflated).sum();
            boolean allLatest = true;
            for (int i = 0; i < subscribers; i++) {
                allLatest &= subs.get(i).delivered() > before[i];
            }
            double msgsPerSecond = delivered * 1e9 / elapsed;
            System.out.printf(Locale.ROOT, "  saturated for 2 s: %,d publishes (%,.0f/s, each to 100 subscribers), %,d messages delivered = %,.0f msgs/s;%n"
                            + "  %,d superseded values skipped by conflation in all; every subscriber kept receiving: %s%n",
                    published, published * 1e9 / elapsed, delivered, msgsPerSecond, conflated, allLatest);
            never.countDown();
            stalled.close();
            slow.forEach(ConflatingFanout.Subscriber::close);
            subs.forEach(ConflatingFanout.Subscriber::close);
            executor.shutdownNow();
            return new Fanout(msgsPerSecond, perSubscriber[0], perSubscriber[subscribers / 2], starved);
        }
    }
}
