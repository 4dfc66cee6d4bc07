package dev.tradewind.engine.marketdata;

/**
 * 24-hour rolling statistics of one instrument's price series (trades and reference ticks) in a
 * ring of 1,440 one-minute buckets: volume in the last 24 h and the price at the start of that
 * window, with no allocation per update.
 *
 * <p>The window is the 1,440 UTC minutes ending with the latest minute seen (by event time, or by
 * {@link #advanceTo}), so figures are exact to the minute: the "24 h ago" price is the first price of
 * the oldest minute still in the window. Single writer; read through the owner's sequence lock.
 */
final class RollingDayWindow {
    static final int BUCKETS = 1440;
    static final long BUCKET_MILLIS = 60_000L;

    /** One row of 4 longs per minute bucket (minute index, volume, first event time, first price): one cache line per update. */
    private final long[] rows = new long[BUCKETS * 4];
    private static final int MINUTE = 0;
    private static final int VOLUME = 1;
    private static final int FIRST_TIME = 2;
    private static final int FIRST_PRICE = 3;

    private long currentMinute = Long.MIN_VALUE;
    private long currentStart = Long.MAX_VALUE;
    private long currentEnd = Long.MIN_VALUE;
    private int currentBucket;
    private long volumeSum;
    private long firstMinute = Long.MAX_VALUE;
    private long openPrice;
    private long latestTime = Long.MIN_VALUE;
    private long latestPrice;

    RollingDayWindow() {
        for (int b = 0; b < BUCKETS; b++) {
            rows[b * 4 + MINUTE] = Long.MIN_VALUE;
        }
    }

    /** Adds a price (and volume, 0 for reference ticks) at event time {@code t} (epoch ms). */
    void add(long t, long price, long qty) {
        int b;
        if (t >= currentStart && t < currentEnd) {
            b = currentBucket;
            if (rows[b * 4 + MINUTE] != currentMinute) {
                open(b, currentMinute, t, price);
            }
        } else {
            long m = Math.floorDiv(t, BUCKET_MILLIS);
            if (m > currentMinute) {
                advanceMinute(m);
                b = currentBucket;
            } else if (m <= currentMinute - BUCKETS) {
                return;
            } else {
                b = (int) Math.floorMod(m, (long) BUCKETS);
            }
            if (rows[b * 4 + MINUTE] != m) {
                open(b, m, t, price);
            }
        }
        if (t < rows[b * 4 + FIRST_TIME]) {
            rows[b * 4 + FIRST_TIME] = t;
            rows[b * 4 + FIRST_PRICE] = price;
            if (rows[b * 4 + MINUTE] == firstMinute) {
                openPrice = price;
            }
        }
        rows[b * 4 + VOLUME] += qty;
        volumeSum += qty;
        if (t >= latestTime) {
            latestTime = t;
            latestPrice = price;
        }
    }

    private void open(int b, long m, long t, long price) {
        rows[b * 4 + MINUTE] = m;
        rows[b * 4 + VOLUME] = 0;
        rows[b * 4 + FIRST_TIME] = t;
        rows[b * 4 + FIRST_PRICE] = price;
        if (m < firstMinute) {
            firstMinute = m;
            openPrice = price;
        }
    }

    /** Moves the window's end to the minute of {@code epochMillis} if that is later (idle markets). */
    void advanceTo(long epochMillis) {
        long m = Math.floorDiv(epochMillis, BUCKET_MILLIS);
        if (m > currentMinute) {
            advanceMinute(m);
        }
    }

    private void advanceMinute(long m) {
        if (currentMinute != Long.MIN_VALUE) {
            long steps = Math.min(m - currentMinute, BUCKETS);
            for (long j = 1; j <= steps; j++) {
                int b = (int) Math.floorMod(currentMinute + j, (long) BUCKETS);
                if (rows[b * 4 + MINUTE] != Long.MIN_VALUE) {
                    volumeSum -= rows[b * 4 + VOLUME];
                    rows[b * 4 + MINUTE] = Long.MIN_VALUE;
                }
            }
        }
        currentMinute = m;
        currentStart = m * BUCKET_MILLIS;
        currentEnd = currentStart + BUCKET_MILLIS;
        currentBucket = (int) Math.floorMod(m, (long) BUCKETS);
        if (firstMinute <= m - BUCKETS) {
            firstMinute = Long.MAX_VALUE;
            openPrice = 0;
            for (long k = m - BUCKETS + 1; k <= m; k++) {
                int b = (int) Math.floorMod(k, (long) BUCKETS);
                if (rows[b * 4 + MINUTE] == k) {
                    firstMinute = k;
                    openPrice = rows[b * 4 + FIRST_PRICE];
                    break;
                }
            }
        }
        if (firstMinute == Long.MAX_VALUE) {
            latestTime = Long.MIN_VALUE;
            latestPrice = 0;
        }
    }

    long volume24h() {
        return volumeSum;
    }

    /** First price of the window, 0 when it holds nothing. */
    long open24h() {
        return openPrice;
    }

    /** Latest price (by event time) in the window, 0 when it holds nothing. */
    long latestPrice() {
        return latestPrice;
    }

    /** {@code latest - open}, 0 when the window is empty. */
    long change24h() {
        return openPrice == 0 ? 0 : latestPrice - openPrice;
    }
}
