package dev.tradewind.streams;

import dev.tradewind.platform.web.ErrorCodes;

/**
 * Stable {@code code}s of {@code {"op":"error",…}} messages on {@code /ws} (docs/websocket.md); clients
 * switch on these, so never rename one.
 */
public final class StreamErrorCodes {
    /** Not JSON, not an object, unknown {@code op}, or a field of the wrong type. The session stays open. */
    public static final String INVALID_MESSAGE = "INVALID_MESSAGE";
    /** Malformed channel name, unknown channel type, or a symbol that is not listed. */
    public static final String UNKNOWN_CHANNEL = "UNKNOWN_CHANNEL";
    /**
     * A private channel before {@code op:auth}, or an invalid, expired or tampered token. The fifth failed
     * auth on one connection also closes it (1008).
     */
    public static final String UNAUTHORIZED = ErrorCodes.UNAUTHORIZED;
    /** The access token of {@code op:auth} expired: private subscriptions were dropped; auth again and resubscribe. */
    public static final String TOKEN_EXPIRED = "TOKEN_EXPIRED";
    public static final String TOO_MANY_SUBSCRIPTIONS = "TOO_MANY_SUBSCRIPTIONS";
    /** Sent before closing a connection over the per-IP or overall session limit (close code 1013). */
    public static final String TOO_MANY_SESSIONS = "TOO_MANY_SESSIONS";
    public static final String MESSAGE_TOO_LARGE = "MESSAGE_TOO_LARGE";
    /** The session's outbound queue overflowed: sent just before closing it (close code 1008). */
    public static final String SLOW_CONSUMER = "SLOW_CONSUMER";
    public static final String RATE_LIMITED = ErrorCodes.RATE_LIMITED;
    /** Sent before the server closes every connection on shutdown (close code 1001): reconnect. */
    public static final String SERVER_STOPPING = "SERVER_STOPPING";
    /** The channel owner failed to produce the snapshot: that channel was not subscribed; try again. */
    public static final String SNAPSHOT_UNAVAILABLE = "SNAPSHOT_UNAVAILABLE";

    private StreamErrorCodes() {
    }
}
