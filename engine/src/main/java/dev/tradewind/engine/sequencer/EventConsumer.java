package dev.tradewind.engine.sequencer;

/**
 * Receives engine events on its subscription's own thread, in sequence order, without gaps or
 * duplicates. It may be slow: the engine never waits for it. If its buffer overflows it is told
 * ({@link #onLag}) and then re-synced from the journal automatically.
 */
public interface EventConsumer<E> {

    /** The events of the next commands; {@code batch.firstSequence()} follows the last one delivered. */
    void onBatch(EventBatch<E> batch);

    /**
     * The buffer overflowed: live events after {@code lastDeliveredSequence} were dropped for this
     * consumer. The subscription now regenerates them with the {@link EventReplayer} and delivers them
     * through {@link #onBatch} before returning to live events, unless the engine is closing.
     */
    default void onLag(long lastDeliveredSequence) {
    }

    /** Delivery stopped for good (the handler threw, or a re-sync was impossible). Re-attach to resume. */
    default void onError(Throwable error) {
    }
}
