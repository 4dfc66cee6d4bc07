package dev.tradewind.marketdata.internal;

import dev.tradewind.engine.marketdata.RejectReason;
import dev.tradewind.engine.marketdata.latency.LatencySnapshot;
import dev.tradewind.engine.marketdata.latency.LatencyStage;
import dev.tradewind.engine.marketdata.latency.StageLatency;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;

/**
 * Market data in {@code /actuator/prometheus}: per stage {@code tradewind_marketdata_latency_seconds{stage,quantile}}
 * (quantile 0.5, 0.99, 0.999 and 1 = max; cumulative since the pipeline started), updates, latency
 * alerts, rejected input, the hand-off backlog and reference prices sent to / dropped by the engine.
 * The monitor's snapshot is taken at most once a second, whatever the number of gauges read.
 */
@Component
class MarketDataMetrics {
    private static final long CACHE_NANOS = 1_000_000_000L;

    private final MarketDataRuntime runtime;
    private volatile LatencySnapshot cached;
    private volatile long cachedAt;
    private volatile Object cachedFor;

    MarketDataMetrics(MarketDataRuntime runtime, MeterRegistry meters) {
        this.runtime = runtime;
        for (LatencyStage stage : LatencyStage.values()) {
            quantile(meters, stage, "0.5", StageLatency::p50);
            quantile(meters, stage, "0.99", StageLatency::p99);
            quantile(meters, stage, "0.999", StageLatency::p999);
            quantile(meters, stage, "1", StageLatency::max);
        }
        FunctionCounter.builder("tradewind.marketdata.updates", this, m -> m.snapshotValue(LatencySnapshot::updates))
                .description("Market-data updates processed by the pipeline").register(meters);
        FunctionCounter.builder("tradewind.marketdata.latency.alerts", this, m -> m.snapshotValue(LatencySnapshot::alerts))
                .description("Updates slower than the latency threshold").register(meters);
        for (RejectReason reason : RejectReason.values()) {
            FunctionCounter.builder("tradewind.marketdata.rejected", this,
                            m -> m.live(l -> l.pipeline().rejections().count(reason)))
                    .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Feed input skipped as unusable").register(meters);
        }
        Gauge.builder("tradewind.marketdata.backlog", this, m -> m.live(l -> l.runner().backlog()))
                .description("Updates waiting for the market-data thread").register(meters);
        FunctionCounter.builder("tradewind.marketdata.reference.sent", this,
                m -> m.live(l -> l.forwarder().submitted.sum())).description("Reference prices sent to the engine")
                .register(meters);
        FunctionCounter.builder("tradewind.marketdata.reference.dropped", this,
                m -> m.live(l -> l.forwarder().dropped.sum()))
                .description("Reference prices the engine could not take (overloaded or closed); re-sent later")
                .register(meters);
    }

    private void quantile(MeterRegistry meters, LatencyStage stage, String quantile, ToLongFunction<StageLatency> nanos) {
        Gauge.builder("tradewind.marketdata.latency", this,
                        m -> m.snapshotValue(s -> nanos.applyAsLong(s.stage(stage)) / 1e9))
                .tag("stage", stage.metricName()).tag("quantile", quantile).baseUnit("seconds")
                .description("Market-data processing time per pipeline stage (sampled updates)").register(meters);
    }

    private double live(ToDoubleFunction<LiveMarket> value) {
        Optional<LiveMarket> live = runtime.live();
        return live.map(value::applyAsDouble).orElse(0.0);
    }

    private double snapshotValue(ToDoubleFunction<LatencySnapshot> value) {
        return snapshot().map(value::applyAsDouble).orElse(0.0);
    }

    /** The current pipeline's latency snapshot, at most a second old. */
    Optional<LatencySnapshot> snapshot() {
        Optional<LiveMarket> live = runtime.live();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        LatencySnapshot snapshot = cached;
        if (snapshot == null || cachedFor != live.get() || now - cachedAt > CACHE_NANOS) {
            snapshot = live.get().pipeline().latency().snapshot();
            cached = snapshot;
            cachedAt = now;
            cachedFor = live.get();
        }
        return Optional.of(snapshot);
    }

    /** The fresh figures for the admin API. */
    Optional<LatencyView> view() {
        return runtime.live().map(live -> {
            LatencySnapshot snapshot = live.pipeline().latency().snapshot();
            Map<String, Long> rejected = new LinkedHashMap<>();
            live.pipeline().rejections().counts().forEach((reason, count) ->
                    rejected.put(reason.name().toLowerCase(java.util.Locale.ROOT), count));
            return LatencyView.of(live.feed().name(), snapshot, rejected, live.runner().backlog());
        });
    }
}
