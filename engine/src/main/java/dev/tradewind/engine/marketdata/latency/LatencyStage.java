package dev.tradewind.engine.marketdata.latency;

/** Pipeline stages timed by the {@link LatencyMonitor}, in pipeline order; {@link #TOTAL} is one whole update. */
public enum LatencyStage {
    PARSE,
    NORMALIZE,
    APPLY,
    CANDLES,
    TICKER,
    TRIGGERS,
    SINKS,
    TOTAL;

    /** Lower-case name for metrics, e.g. {@code candles}. */
    public String metricName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
