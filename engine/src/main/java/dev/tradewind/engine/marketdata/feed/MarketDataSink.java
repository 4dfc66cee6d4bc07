package dev.tradewind.engine.marketdata.feed;

import dev.tradewind.engine.marketdata.MarketUpdate;
import dev.tradewind.engine.marketdata.RejectReason;

/**
 * Where a {@link MarketDataFeed} delivers, from its own thread(s). Implementations must be
 * thread-safe; {@code MarketDataRunner} is the production one (it queues updates to the pipeline
 * thread).
 */
public interface MarketDataSink {
    /** A normalized update. May block briefly when the consumer is behind (back-pressure). */
    void onUpdate(MarketUpdate update);

    /** Input the feed could not use; it is skipped, never fatal. */
    default void onRejected(RejectReason reason, String source, Object detail) {
    }

    /** Messages were lost (a sequence or trade-id gap). */
    default void onGap(FeedGap gap) {
    }

    /** The feed's connection state changed. */
    default void onStatus(FeedStatusChanged status) {
    }
}
