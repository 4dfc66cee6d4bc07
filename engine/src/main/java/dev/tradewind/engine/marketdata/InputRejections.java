package dev.tradewind.engine.marketdata;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Counts skipped feed input per {@link RejectReason} and logs it without flooding: the first
 * occurrence of each reason is logged at WARN with its detail, later ones at most once per
 * {@code logInterval} per reason with the number skipped since. Thread-safe (adapters on their own
 * threads and the pipeline thread share one instance); counting never allocates.
 */
public final class InputRejections {
    private static final RejectReason[] REASONS = RejectReason.values();

    private final AtomicLongArray counts = new AtomicLongArray(REASONS.length);
    private final AtomicLongArray nextLogAt = new AtomicLongArray(REASONS.length);
    private final AtomicLongArray countAtLastLog = new AtomicLongArray(REASONS.length);
    private final long logIntervalNanos;
    private final LongSupplier nanoClock;
    private final System.Logger log;

    public InputRejections() {
        this(60_000_000_000L, System::nanoTime, System.getLogger(InputRejections.class.getName()));
    }

    /**
     * @param logIntervalNanos minimum time between two log lines of one reason after the first
     * @param nanoClock        monotonic clock in nanoseconds
     */
    public InputRejections(long logIntervalNanos, LongSupplier nanoClock, System.Logger log) {
        this.logIntervalNanos = logIntervalNanos;
        this.nanoClock = nanoClock;
        this.log = log;
        for (int i = 0; i < REASONS.length; i++) {
            nextLogAt.set(i, Long.MIN_VALUE);
        }
    }

    /**
     * Counts one skipped input. {@code detail} is only built when a line is logged, so callers on the
     * hot path pass a cheap supplier-free description (or the raw text).
     *
     * @return true when this rejection was logged
     */
    public boolean reject(RejectReason reason, String source, Object detail) {
        int i = reason.ordinal();
        long total = counts.incrementAndGet(i);
        long due = nextLogAt.get(i);
        long now = nanoClock.getAsLong();
        boolean first = due == Long.MIN_VALUE;
        if (!first && now - due < 0) {
            return false;
        }
        if (!nextLogAt.compareAndSet(i, due, now + logIntervalNanos)) {
            return false;
        }
        long since = total - countAtLastLog.getAndSet(i, total);
        if (first) {
            log.log(System.Logger.Level.WARNING, "Skipped market-data input from {0}: {1} ({2}); further {1} rejections are counted and logged at most every {3} s",
                    source, reason, truncate(detail), String.valueOf(logIntervalNanos / 1_000_000_000L));
        } else {
            log.log(System.Logger.Level.WARNING, "Skipped {0} market-data inputs for {1} since the last report ({2} in total); latest from {3}: {4}",
                    String.valueOf(since), reason, String.valueOf(total), source, truncate(detail));
        }
        return true;
    }

    private static String truncate(Object detail) {
        String text = String.valueOf(detail);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    public long count(RejectReason reason) {
        return counts.get(reason.ordinal());
    }

    public long total() {
        long sum = 0;
        for (int i = 0; i < REASONS.length; i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    /** Counts per reason (zero counts omitted), for metrics and tests. */
    public Map<RejectReason, Long> counts() {
        Map<RejectReason, Long> out = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : REASONS) {
            long c = counts.get(reason.ordinal());
            if (c > 0) {
                out.put(reason, c);
            }
        }
        return out;
    }
}
