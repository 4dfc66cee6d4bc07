package dev.tradewind.engine.marketdata.latency;

/**
 * Port for latency alerts (the app turns them into an alert event); called on the pipeline thread,
 * already rate-limited: keep it cheap and non-blocking.
 */
@FunctionalInterface
public interface LatencyAlertListener {
    LatencyAlertListener NONE = alert -> {
    };

    void onLatencyAlert(LatencyAlert alert);
}
