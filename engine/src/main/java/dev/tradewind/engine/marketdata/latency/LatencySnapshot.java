package dev.tradewind.engine.marketdata.latency;

import java.util.List;

/**
 * The monitor's figures at one moment (cumulative since start or the last {@link LatencyMonitor#reset()}).
 * This record is the export port: the app maps it to Prometheus gauges and to
 * {@code GET /api/v1/admin/latency}.
 *
 * @param stages           one entry per {@link LatencyStage}, in stage order
 * @param thresholdNanos   the alert threshold
 * @param alerts           updates (or batches, see {@link LatencyMonitor#checkBatch}) over the threshold
 * @param alertsSuppressed alerts not delivered because of the rate limit
 * @param updates          updates seen, timed or not
 * @param sampleEvery      one update in this many is timed per stage
 */
public record LatencySnapshot(List<StageLatency> stages, long thresholdNanos, long alerts, long alertsSuppressed,
                              long updates, int sampleEvery) {
    public StageLatency stage(LatencyStage stage) {
        return stages.get(stage.ordinal());
    }
}
