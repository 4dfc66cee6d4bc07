package dev.tradewind.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/**
 * A token bucket of {@code requests} tokens refilled greedily over {@code period}: a client may burst
 * up to {@code requests} at once, then gets one more every {@code period / requests}. Written
 * {@code 300/1m} in configuration ({@code s}, {@code m}, {@code h}, {@code d} or ISO-8601 {@code PT1M}).
 */
public record Limit(long requests, Duration period) {
    public Limit {
        if (requests < 1) {
            throw new IllegalArgumentException("A rate limit needs at least 1 request, was " + requests);
        }
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a positive period, was " + period);
        }
    }

    /** Parses {@code 300/1m}; used by configuration binding. */
    public static Limit valueOf(String text) {
        int slash = text.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("Write a rate limit as REQUESTS/PERIOD, e.g. 300/1m; was '" + text + "'");
        }
        try {
            return new Limit(Long.parseLong(text.substring(0, slash).strip()),
                    DurationStyle.detectAndParse(text.substring(slash + 1).strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Write a rate limit as REQUESTS/PERIOD, e.g. 300/1m; was '" + text + "'", e);
        }
    }

    BucketConfiguration bucketConfiguration() {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(requests).refillGreedy(requests, period).build())
                .build();
    }

    /** Short and stable: part of bucket keys, so a changed limit starts fresh buckets. */
    @Override
    public String toString() {
        return requests + "/" + periodText();
    }

    /** The period as configured: {@code 1m}, {@code 30s}, {@code 1h}. */
    public String periodText() {
        long seconds = period.getSeconds();
        String p;
        if (period.getNano() != 0) {
            p = period.toMillis() + "ms";
        } else if (seconds % 86_400 == 0) {
            p = seconds / 86_400 + "d";
        } else if (seconds % 3_600 == 0) {
            p = seconds / 3_600 + "h";
        } else if (seconds % 60 == 0) {
            p = seconds / 60 + "m";
        } else {
            p = seconds + "s";
        }
        return p;
    }
}
