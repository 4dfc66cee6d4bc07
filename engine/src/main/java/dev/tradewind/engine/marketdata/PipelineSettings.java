package dev.tradewind.engine.marketdata;

import dev.tradewind.engine.marketdata.latency.LatencyMonitor;

/**
 * Tuning of the {@link MarketDataPipeline}.
 *
 * @param outOfOrderToleranceMillis a trade or reference tick up to this much older than the newest
 *                                  one of its instrument still lands in its (older) candle; older ones
 *                                  are counted in {@link InstrumentState#lateDropped()} and skipped by candles
 * @param idleCloseMillis           with {@link MarketDataPipeline#advanceTime}, a candle closes this long after its
 *                                  end even without later data (covers local-clock skew against venue time)
 * @param candleHistory             candles kept in memory per instrument and interval
 * @param batchLimit                bulk input is timed for the latency alert in batches of at most this many lines
 */
public record PipelineSettings(long outOfOrderToleranceMillis, long idleCloseMillis, int candleHistory, int batchLimit,
                               LatencyMonitor.Settings latency) {
    public static final PipelineSettings DEFAULTS = new PipelineSettings(2_000, 5_000, 1_024, 1_024,
            LatencyMonitor.Settings.DEFAULTS);

    public PipelineSettings {
        if (outOfOrderToleranceMillis < 0 || idleCloseMillis < 0 || candleHistory < 1 || batchLimit < 1) {
            throw new IllegalArgumentException("pipeline settings need tolerance >= 0, idle close >= 0, history >= 1, batch limit >= 1");
        }
    }

    public PipelineSettings withTolerance(long millis) {
        return new PipelineSettings(millis, idleCloseMillis, candleHistory, batchLimit, latency);
    }

    public PipelineSettings withCandleHistory(int candles) {
        return new PipelineSettings(outOfOrderToleranceMillis, idleCloseMillis, candles, batchLimit, latency);
    }

    public PipelineSettings withLatency(LatencyMonitor.Settings settings) {
        return new PipelineSettings(outOfOrderToleranceMillis, idleCloseMillis, candleHistory, batchLimit, settings);
    }
}
