package dev.tradewind.engine.marketdata.latency;

/**
 * Processing took longer than the threshold.
 *
 * @param nanos                 time taken
 * @param updates               1 for one update; n when a batch of n was timed as a whole (then each update took at most {@code nanos})
 * @param symbol                instrument of the (last) update, or null
 * @param suppressedSinceLast   alerts dropped by the rate limit since the previous delivered one
 * @param epochMillis           wall-clock time of the alert
 */
public record LatencyAlert(long nanos, long thresholdNanos, int updates, String symbol, long suppressedSinceLast,
                           long epochMillis) {
}
