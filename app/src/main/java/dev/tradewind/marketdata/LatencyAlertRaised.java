package dev.tradewind.marketdata;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Processing one market-data update (or a batch, see {@code updates}) took longer than
 * {@code tradewind.marketdata.pipeline.latency-threshold}. Published as a Spring application event
 * (at most one per {@code alert-interval}; {@code suppressedSinceLast} counts the ones held back) and
 * logged at WARN.
 *
 * @param symbol              instrument of the (last) update, null when unknown
 * @param updates             1, or the size of a batch timed as a whole
 * @param suppressedSinceLast alerts dropped by the rate limit since the previous one
 */
public record LatencyAlertRaised(long nanos, long thresholdNanos, int updates, @Nullable String symbol,
                                 long suppressedSinceLast, Instant at) {
}
