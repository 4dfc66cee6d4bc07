package dev.tradewind.streams.internal;

import java.util.function.LongSupplier;

/**
 * Inbound rate limit of one connection: {@code perSecond} tokens a second, bursts up to {@code perSecond}.
 * Only the connection's reader thread uses it (the container delivers one message at a time per
 * session), so it needs no synchronization.
 */
final class TokenBucket {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long capacity;
    private final long nanosPerToken;
    private final LongSupplier nanoTime;
    private long tokens;
    private long refilledAt;

    TokenBucket(int perSecond, LongSupplier nanoTime) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 message per second, got " + perSecond);
        }
        this.capacity = perSecond;
        this.nanosPerToken = NANOS_PER_SECOND / perSecond;
        this.nanoTime = nanoTime;
        this.tokens = perSecond;
        this.refilledAt = nanoTime.getAsLong();
    }

    boolean tryTake() {
        long now = nanoTime.getAsLong();
        long earned = (now - refilledAt) / nanosPerToken;
        if (earned > 0) {
            tokens = Math.min(capacity, tokens + earned);
            refilledAt = tokens == capacity ? now : refilledAt + earned * nanosPerToken;
        }
        if (tokens > 0) {
            tokens--;
            return true;
        }
        return false;
    }
}
