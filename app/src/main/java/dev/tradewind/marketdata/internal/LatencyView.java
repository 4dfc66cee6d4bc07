package dev.tradewind.marketdata.internal;

import dev.tradewind.engine.marketdata.latency.LatencySnapshot;
import dev.tradewind.engine.marketdata.latency.StageLatency;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

@Schema(name = "MarketDataLatency", description = "Processing time of market-data updates per pipeline stage, in nanoseconds, "
        + "cumulative since the pipeline started; stages are timed on one update in sampleEvery")
record LatencyView(
        @Schema(example = "synthetic") String feed,
        @Schema(description = "Updates seen, timed or not", example = "1843221") long updates,
        @Schema(example = "64") int sampleEvery,
        @Schema(description = "An update slower than this raises an alert", example = "1000000") long thresholdNanos,
        @Schema(description = "Updates over the threshold", example = "3") long alerts,
        @Schema(description = "Alerts not delivered because of the rate limit", example = "1") long alertsSuppressed,
        @Schema(description = "Feed input rejected (malformed, unknown symbol, non-positive price...) by reason")
        Map<String, Long> rejected,
        @Schema(description = "Updates waiting for the market-data thread", example = "0") int backlog,
        List<Stage> stages) {

    @Schema(name = "MarketDataLatencyStage")
    record Stage(@Schema(example = "total") String stage, @Schema(example = "28799") long count,
                 @Schema(example = "850") long p50Nanos, @Schema(example = "4100") long p99Nanos,
                 @Schema(example = "12800") long p999Nanos, @Schema(example = "48000") long maxNanos,
                 @Schema(example = "1012") long meanNanos) {
        static Stage of(StageLatency s) {
            return new Stage(s.stage().metricName(), s.count(), s.p50(), s.p99(), s.p999(), s.max(), Math.round(s.mean()));
        }
    }

    static LatencyView of(String feed, LatencySnapshot snapshot, Map<String, Long> rejected, int backlog) {
        return new LatencyView(feed, snapshot.updates(), snapshot.sampleEvery(), snapshot.thresholdNanos(), snapshot.alerts(),
                snapshot.alertsSuppressed(), rejected, backlog, snapshot.stages().stream().map(Stage::of).toList());
    }
}
