package dev.tradewind.engine.marketdata.feed;

/**
 * One source of market data: synthetic, file replay or a venue WebSocket. Every implementation
 * delivers normalized updates (ticks/lots of the configured instruments) to a {@link MarketDataSink}
 * from its own thread and recovers from its own failures (reconnects); {@link #stop()} ends it.
 */
public interface MarketDataFeed extends AutoCloseable {
    /** Short name for logs and metrics, e.g. {@code synthetic}, {@code replay}, {@code binance}. */
    String name();

    /** Starts delivering to {@code sink}; returns at once. Can be called once. */
    void start(MarketDataSink sink);

    /** Stops delivering and releases threads and connections; idempotent. */
    void stop();

    @Override
    default void close() {
        stop();
    }
}
