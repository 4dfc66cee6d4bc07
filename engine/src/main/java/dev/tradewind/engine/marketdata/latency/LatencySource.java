package dev.tradewind.engine.marketdata.latency;

import org.HdrHistogram.Histogram;

/**
 * Export port of the latency monitor: what the app reads for Prometheus gauges (p50, p99, p99.9,
 * max per stage) and for {@code GET /api/v1/admin/latency}. Safe from any thread; reading never
 * blocks the pipeline.
 */
public interface LatencySource {
    LatencySnapshot snapshot();

    /** A copy of one stage's cumulative histogram in nanoseconds. */
    Histogram histogram(LatencyStage stage);
}
