package dev.tradewind.engine.marketdata.feed;

/**
 * A feed's connection state changed.
 *
 * @param detail why (e.g. {@code "no message for 30 s"}), may be empty
 */
public record FeedStatusChanged(String feed, FeedStatus status, String detail, long epochMillis) {
    public enum FeedStatus {
        CONNECTING,
        CONNECTED,
        /** Connected, but silent for longer than allowed: about to reconnect. */
        STALE,
        DISCONNECTED,
        STOPPED
    }
}
