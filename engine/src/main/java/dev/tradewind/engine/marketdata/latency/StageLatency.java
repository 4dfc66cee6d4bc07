package dev.tradewind.engine.marketdata.latency;

/**
 * Percentiles of one stage in nanoseconds.
 *
 * @param count samples recorded (sampled updates, not all updates; see {@link LatencyMonitor})
 */
public record StageLatency(LatencyStage stage, long count, long p50, long p99, long p999, long max, double mean) {
}
