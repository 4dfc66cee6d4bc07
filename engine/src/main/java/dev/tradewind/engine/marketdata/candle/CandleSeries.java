package dev.tradewind.engine.marketdata.candle;

import java.util.ArrayList;
import java.util.List;

/**
 * The candles of one instrument and interval: a bounded ring of primitive columns, newest last.
 *
 * <p>Rules (the owner, {@code InstrumentState}, enforces the lateness rule before calling):
 * <ul>
 *   <li>Boundaries are UTC-aligned: an update at {@code t} belongs to
 *       {@code [t - t mod len, t - t mod len + len)}, so {@code 12:00:59.999} is in the 12:00 minute
 *       and {@code 12:01:00.000} opens the next.
 *   <li>Gaps produce no candle: a period without updates has no entry (no carry-forward), and the
 *       API returns only candles with data.
 *   <li>A candle stays open until the owner's watermark (latest event time minus the out-of-order
 *       tolerance) reaches its end; until then a late update within the tolerance lands in it (or
 *       creates it, between its neighbours). Once closed a candle is final: that is when
 *       {@link CandleListener#onCandleClosed} fires, so persistence sees each candle exactly once.
 *   <li>History is bounded to {@code capacity} candles; the oldest (always closed) falls off.
 * </ul>
 * Single writer (the pipeline thread); readers go through the owner's sequence lock.
 */
public final class CandleSeries {
    private final int instrument;
    private final String symbol;
    private final CandleInterval interval;
    private final long len;
    private final int mask;
    /**
     * One row of 8 longs per candle (time, open, high, low, close, volume, first event time, last
     * event time): an update touches one or two cache lines, not eight columns.
     */
    private final long[] rows;
    private static final int TIME = 0;
    private static final int OPEN = 1;
    private static final int HIGH = 2;
    private static final int LOW = 3;
    private static final int CLOSE = 4;
    private static final int VOLUME = 5;
    private static final int FIRST = 6;
    private static final int LAST = 7;
    private static final int WIDTH = 8;
    private final CandleListener listener;

    /** Logical index of the next candle; live candles are {@code [head - size, head)}. */
    private long head;
    private int size;
    /** Logical index of the oldest open candle ({@code head} when none is open). */
    private long firstOpen;
    private long curStart = Long.MAX_VALUE;
    private long curEnd = Long.MIN_VALUE;
    private long nextCloseAt = Long.MAX_VALUE;

    /**
     * @param capacity candles kept in memory; rounded up to a power of two and at least 4 above
     *                 what the tolerance can keep open
     */
    public CandleSeries(int instrument, String symbol, CandleInterval interval, int capacity, long toleranceMillis,
                        CandleListener listener) {
        this.instrument = instrument;
        this.symbol = symbol;
        this.interval = interval;
        this.len = interval.millis();
        long needed = Math.max(capacity, toleranceMillis / len + 4);
        if (needed > 1 << 24) {
            throw new IllegalArgumentException("candle history of " + needed + " is too large for " + interval);
        }
        int cap = Integer.highestOneBit((int) needed - 1) << 1;
        this.mask = cap - 1;
        this.rows = new long[cap * WIDTH];
        this.listener = listener;
    }

    /**
     * Adds one price (and volume) at event time {@code t}; the caller has checked that {@code t} is
     * not older than its watermark.
     *
     * @return false when it had to be dropped (its candle already closed or left the history)
     */
    public boolean update(long t, long price, long qty) {
        int s;
        if (t >= curStart && t < curEnd) {
            s = (int) (head - 1) & mask;
            apply(s, t, price, qty);
        } else if (t >= curEnd) {
            s = append(interval.openTime(t), t, price, qty);
        } else {
            s = late(t, price, qty);
            if (s < 0) {
                return false;
            }
        }
        int r = s * WIDTH;
        listener.onCandleUpdated(instrument, interval, rows[r + TIME], rows[r + OPEN], rows[r + HIGH], rows[r + LOW],
                rows[r + CLOSE], rows[r + VOLUME]);
        return true;
    }

    private void apply(int s, long t, long price, long qty) {
        long[] a = rows;
        int r = s * WIDTH;
        if (price > a[r + HIGH]) {
            a[r + HIGH] = price;
        }
        if (price < a[r + LOW]) {
            a[r + LOW] = price;
        }
        a[r + VOLUME] += qty;
        if (t >= a[r + LAST]) {
            a[r + LAST] = t;
            a[r + CLOSE] = price;
        }
        if (t < a[r + FIRST]) {
            a[r + FIRST] = t;
            a[r + OPEN] = price;
        }
    }

    private void init(int s, long start, long t, long price, long qty) {
        long[] a = rows;
        int r = s * WIDTH;
        a[r + TIME] = start;
        a[r + OPEN] = price;
        a[r + HIGH] = price;
        a[r + LOW] = price;
        a[r + CLOSE] = price;
        a[r + VOLUME] = qty;
        a[r + FIRST] = t;
        a[r + LAST] = t;
    }

    private long time(long index) {
        return rows[((int) index & mask) * WIDTH + TIME];
    }

    private int append(long start, long t, long price, long qty) {
        if (size == mask + 1) {
            evictOldest();
        }
        int s = (int) head & mask;
        init(s, start, t, price, qty);
        head++;
        size++;
        curStart = start;
        curEnd = start + len;
        if (nextCloseAt == Long.MAX_VALUE) {
            nextCloseAt = time(firstOpen) + len;
        }
        return s;
    }

    private void evictOldest() {
        long oldest = head - size;
        if (firstOpen == oldest) {
            // only when the history is shorter than the tolerance window: close rather than lose it
            emitClosed(oldest);
            firstOpen++;
            nextCloseAt = firstOpen < head ? time(firstOpen) + len : Long.MAX_VALUE;
        }
        size--;
    }

    private int late(long t, long price, long qty) {
        long bucket = interval.openTime(t);
        long oldest = head - size;
        long i = head - 1;
        while (i >= oldest && time(i) > bucket) {
            i--;
        }
        if (i >= oldest && time(i) == bucket) {
            if (i < firstOpen) {
                return -1;
            }
            int s = (int) i & mask;
            apply(s, t, price, qty);
            return s;
        }
        long at = i + 1;
        if (at < firstOpen || (size == mask + 1 && at == oldest)) {
            return -1;
        }
        if (size == mask + 1) {
            evictOldest();
        }
        for (long j = head - 1; j >= at; j--) {
            copy((int) j & mask, (int) (j + 1) & mask);
        }
        head++;
        size++;
        int s = (int) at & mask;
        init(s, bucket, t, price, qty);
        nextCloseAt = time(firstOpen) + len;
        return s;
    }

    private void copy(int from, int to) {
        System.arraycopy(rows, from * WIDTH, rows, to * WIDTH, WIDTH);
    }

    /** Closes every open candle that ends at or before {@code watermark} (epoch ms). Cheap when none does. */
    public void closeUpTo(long watermark) {
        if (watermark < nextCloseAt) {
            return;
        }
        while (firstOpen < head && time(firstOpen) + len <= watermark) {
            emitClosed(firstOpen);
            firstOpen++;
        }
        nextCloseAt = firstOpen < head ? time(firstOpen) + len : Long.MAX_VALUE;
    }

    private void emitClosed(long index) {
        int r = ((int) index & mask) * WIDTH;
        listener.onCandleClosed(instrument, new Candle(symbol, interval, rows[r + TIME], rows[r + OPEN], rows[r + HIGH],
                rows[r + LOW], rows[r + CLOSE], rows[r + VOLUME], true));
    }

    /**
     * Candles with {@code from <= openTime < to}, oldest first, at most the newest {@code limit}.
     * Not thread-safe by itself: the owner calls it under its read protocol, so it must tolerate
     * torn reads (it never throws on them; the owner retries).
     */
    public List<Candle> read(long from, long to, int limit) {
        List<Candle> out = new ArrayList<>();
        long h = head;
        int n = Math.min(Math.max(size, 0), mask + 1);
        long fo = firstOpen;
        for (long i = h - n; i < h; i++) {
            int r = ((int) i & mask) * WIDTH;
            long t = rows[r + TIME];
            if (t >= from && t < to) {
                out.add(new Candle(symbol, interval, t, rows[r + OPEN], rows[r + HIGH], rows[r + LOW], rows[r + CLOSE],
                        rows[r + VOLUME], i < fo));
            }
        }
        return out.size() > limit ? new ArrayList<>(out.subList(out.size() - limit, out.size())) : out;
    }

    public CandleInterval interval() {
        return interval;
    }

    /** Candles in memory. */
    public int size() {
        return size;
    }

    public int capacity() {
        return mask + 1;
    }
}
