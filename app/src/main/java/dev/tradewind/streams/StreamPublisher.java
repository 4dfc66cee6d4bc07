package dev.tradewind.streams;

import java.util.UUID;

/**
 * Publishes to WebSocket subscribers of {@code /ws}; channel owners (market data, trading) call it.
 *
 * <p>Every method is safe to call from any thread, including the engine's event thread: it never
 * blocks on a client and does no I/O. It serializes {@code data} once (with the application's JSON
 * mapper, as {@code {"channel":…,"data":…}}) and enqueues that one message for each subscribed session,
 * O(subscribers); per-session sender threads do the writing. With no subscriber it returns without
 * serializing. A serialization failure (a type Jackson cannot write) is thrown to the caller.
 *
 * <p>On conflated channels ({@link ChannelType#isConflated()}: ticker, book, candles, balances) each
 * message must be the full state of its (channel, conflation key): a session that falls behind gets only
 * the latest per key, in the position of the first one it missed. The key defaults to the channel; pass
 * one when a channel carries several independent states (a balance per asset, a candle per open time).
 * On event channels (trades, orders) every message is queued in order and the key is ignored; a session
 * whose queue overflows is sent {@code SLOW_CONSUMER} and closed.
 *
 * @throws IllegalArgumentException for a malformed channel name, or a private channel through
 *                                  {@code publish} / a public one through {@code publishToUser}
 */
public interface StreamPublisher {

    /** To every subscriber of public channel {@code channel} (e.g. {@code ticker:BTC-USD}). */
    void publish(String channel, Object data);

    /** As {@link #publish(String, Object)}, conflating per {@code conflationKey} within the channel. */
    void publish(String channel, String conflationKey, Object data);

    /** To the sessions of {@code userId} subscribed to private channel {@code channel} ({@code orders}, {@code balances}). */
    void publishToUser(UUID userId, String channel, Object data);

    /** As {@link #publishToUser(UUID, String, Object)}, conflating per {@code conflationKey} (e.g. the asset). */
    void publishToUser(UUID userId, String channel, String conflationKey, Object data);

    /** Whether anyone listens to a public channel: lets an owner skip building what nobody reads. */
    boolean hasSubscribers(String channel);

    /**
     * Whether a session of {@code userId} listens to private channel {@code channel}: lets an owner skip
     * building what nobody reads (a session subscribing meanwhile starts from its snapshot anyway).
     */
    boolean hasSubscribers(UUID userId, String channel);
}
