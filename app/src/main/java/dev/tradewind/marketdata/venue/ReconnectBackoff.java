package dev.tradewind.marketdata.venue;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential reconnect delays with jitter, capped: attempt n waits a random time in
 * {@code [d/2, d]} where {@code d = min(max, initial × 2^n)} ("equal jitter"), so a fleet of
 * clients dropped together does not reconnect in lock-step. {@link #reset()} after a connection
 * proved healthy.
 */
public final class ReconnectBackoff {
    private final long initialMillis;
    private final long maxMillis;
    private final RandomGenerator random;
    private int attempt;

    public ReconnectBackoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The delay before the next attempt; each call counts one attempt. */
    public synchronized long nextDelayMillis() {
        long d = attempt >= 62 ? maxMillis : Math.min(maxMillis, initialMillis << Math.min(attempt, 30));
        attempt++;
        long half = d / 2;
        return half + random.nextLong(d - half + 1);
    }

    public synchronized void reset() {
        attempt = 0;
    }

    public synchronized int attempts() {
        return attempt;
    }
}
