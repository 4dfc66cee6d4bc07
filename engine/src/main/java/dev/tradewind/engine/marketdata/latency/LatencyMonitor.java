package dev.tradewind.engine.marketdata.latency;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Per-stage latency of the market-data pipeline: one HdrHistogram {@link SingleWriterRecorder} per
 * {@link LatencyStage} in nanoseconds. The pipeline thread records without locks or allocation;
 * readers take interval histograms ({@link #snapshot()}), so they never block the writer.
 *
 * <p>Sampling: {@code System.nanoTime()} costs ~25 ns here, several times the budget of a stage at
 * 10 M updates/s, so per-stage timing runs on one update in {@code sampleEvery} (1 = all). The
 * alert does not depend on sampling: the pipeline times every single update it is handed, and
 * bulk input per batch of at most {@code batchLimit} updates, where a batch over the threshold means
 * no update in it can have been slower than the batch ({@link #checkBatch}).
 *
 * <p>Alerts over the threshold (default 1 ms) are counted; delivery to the
 * {@link LatencyAlertListener} and the WARN log line are rate-limited to one per
 * {@code alertInterval} with the number suppressed since.
 */
public final class LatencyMonitor implements LatencySource {
    /** Highest value a histogram tracks: 60 s; longer samples are clamped. */
    public static final long HIGHEST_TRACKABLE_NANOS = 60_000_000_000L;
    private static final LatencyStage[] STAGES = LatencyStage.values();

    private final SingleWriterRecorder[] recorders = new SingleWriterRecorder[STAGES.length];
    private final Histogram[] cumulative = new Histogram[STAGES.length];
    private final Histogram[] recycled = new Histogram[STAGES.length];
    private final long thresholdNanos;
    private final int sampleMask;
    private final long alertIntervalNanos;
    private final LongSupplier nanoClock;
    private final LongSupplier wallClock;
    private final LatencyAlertListener listener;
    private final System.Logger log;

    private static final java.lang.invoke.VarHandle UPDATES;

    static {
        try {
            UPDATES = java.lang.invoke.MethodHandles.lookup().findVarHandle(LatencyMonitor.class, "updates", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private long sampleCounter;
    /** Written by the pipeline thread with opaque stores (no fence on the hot path), read by snapshots. */
    @SuppressWarnings("unused")
    private long updates;
    private volatile long alerts;
    private volatile long suppressed;
    private long suppressedSinceLast;
    private long nextAlertAt = Long.MIN_VALUE;
    private boolean anyAlert;

    public LatencyMonitor(Settings settings, LatencyAlertListener listener) {
        this(settings, listener, System::nanoTime, System::currentTimeMillis,
                System.getLogger(LatencyMonitor.class.getName()));
    }

    public LatencyMonitor(Settings settings, LatencyAlertListener listener, LongSupplier nanoClock,
                          LongSupplier wallClock, System.Logger log) {
        this.thresholdNanos = settings.thresholdNanos();
        this.sampleMask = settings.sampleEvery() - 1;
        this.alertIntervalNanos = settings.alertIntervalNanos();
        this.listener = listener;
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
        this.log = log;
        for (int i = 0; i < STAGES.length; i++) {
            recorders[i] = new SingleWriterRecorder(1, HIGHEST_TRACKABLE_NANOS, 3);
            cumulative[i] = new Histogram(1, HIGHEST_TRACKABLE_NANOS, 3);
        }
    }

    /**
     * @param thresholdNanos     alert when one update takes longer (default 1 ms)
     * @param sampleEvery        time stages of one update in this many; a power of two
     * @param alertIntervalNanos at most one delivered alert and log line per interval (default 1 s)
     */
    public record Settings(long thresholdNanos, int sampleEvery, long alertIntervalNanos) {
        public static final Settings DEFAULTS = new Settings(1_000_000L, 64, 1_000_000_000L);

        public Settings {
            if (thresholdNanos <= 0 || alertIntervalNanos < 0) {
                throw new IllegalArgumentException("latency threshold must be > 0 and alert interval >= 0");
            }
            if (sampleEvery < 1 || Integer.bitCount(sampleEvery) != 1) {
                throw new IllegalArgumentException("sampleEvery must be a power of two >= 1, got " + sampleEvery);
            }
        }

        public Settings withThresholdNanos(long nanos) {
            return new Settings(nanos, sampleEvery, alertIntervalNanos);
        }

        public Settings withSampleEvery(int n) {
            return new Settings(thresholdNanos, n, alertIntervalNanos);
        }
    }

    /** Counts an update; true when its stages should be timed. Pipeline thread only. */
    public boolean sampleNext() {
        return (sampleCounter++ & sampleMask) == 0;
    }

    /** Records one stage sample. Pipeline thread only. */
    public void record(LatencyStage stage, long nanos) {
        recorders[stage.ordinal()].recordValue(Math.min(Math.max(nanos, 0), HIGHEST_TRACKABLE_NANOS));
    }

    /** Checks one update's processing time against the threshold. Pipeline thread only. */
    public void checkUpdate(long nanos, String symbol) {
        if (nanos > thresholdNanos) {
            alert(nanos, 1, symbol);
        }
    }

    /** Checks a batch of {@code updates} that took {@code nanos} in all. Pipeline thread only. */
    public void checkBatch(long nanos, int updates, String symbol) {
        if (nanos > thresholdNanos) {
            alert(nanos, updates, symbol);
        }
    }

    /** Adds to the count of updates seen (including untimed ones). Pipeline thread only. */
    public void countUpdates(long n) {
        UPDATES.setOpaque(this, (long) UPDATES.get(this) + n);
    }

    private void alert(long nanos, int n, String symbol) {
        alerts = alerts + 1;
        long now = nanoClock.getAsLong();
        if (anyAlert && now - nextAlertAt < 0) {
            suppressedSinceLast++;
            suppressed = suppressed + 1;
            return;
        }
        anyAlert = true;
        nextAlertAt = now + alertIntervalNanos;
        LatencyAlert alert = new LatencyAlert(nanos, thresholdNanos, n, symbol, suppressedSinceLast, wallClock.getAsLong());
        suppressedSinceLast = 0;
        log.log(System.Logger.Level.WARNING,
                "Market-data processing took {0} µs for {1} update(s) of {2} (threshold {3} µs); {4} similar alerts suppressed since the last one",
                String.valueOf(nanos / 1_000), String.valueOf(n), symbol == null ? "several instruments" : symbol,
                String.valueOf(thresholdNanos / 1_000), String.valueOf(alert.suppressedSinceLast()));
        listener.onLatencyAlert(alert);
    }

    /** Cumulative percentiles since start or {@link #reset()}; any thread, never blocks the writer. */
    @Override
    public synchronized LatencySnapshot snapshot() {
        List<StageLatency> stages = new ArrayList<>(STAGES.length);
        for (int i = 0; i < STAGES.length; i++) {
            Histogram interval = recorders[i].getIntervalHistogram(recycled[i]);
            cumulative[i].add(interval);
            recycled[i] = interval;
            Histogram h = cumulative[i];
            long count = h.getTotalCount();
            stages.add(new StageLatency(STAGES[i], count,
                    count == 0 ? 0 : h.getValueAtPercentile(50),
                    count == 0 ? 0 : h.getValueAtPercentile(99),
                    count == 0 ? 0 : h.getValueAtPercentile(99.9),
                    count == 0 ? 0 : h.getMaxValue(),
                    count == 0 ? 0 : h.getMean()));
        }
        return new LatencySnapshot(List.copyOf(stages), thresholdNanos, alerts, suppressed, (long) UPDATES.getOpaque(this), sampleMask + 1);
    }

    /** A copy of one stage's cumulative histogram (e.g. for a full percentile distribution in the admin API). */
    @Override
    public synchronized Histogram histogram(LatencyStage stage) {
        snapshot();
        return cumulative[stage.ordinal()].copy();
    }

    /** Forgets the cumulative figures (counters of alerts and updates are kept). */
    public synchronized void reset() {
        for (int i = 0; i < STAGES.length; i++) {
            recycled[i] = recorders[i].getIntervalHistogram(recycled[i]);
            cumulative[i].reset();
        }
    }

    public long thresholdNanos() {
        return thresholdNanos;
    }
}
