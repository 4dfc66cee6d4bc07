package dev.tradewind.marketdata.venue;

import java.time.Duration;

/**
 * Connection policy of a {@link WebSocketFeed}.
 *
 * @param connectTimeout  WebSocket handshake timeout
 * @param initialBackoff  first reconnect delay (then doubled per failed attempt, with jitter)
 * @param maxBackoff      cap of the reconnect delay
 * @param staleAfter      no message for this long on an open connection → reconnect
 * @param pingInterval    client pings to keep proxies and NAT from idling the connection out
 */
public record WebSocketFeedSettings(Duration connectTimeout, Duration initialBackoff, Duration maxBackoff,
                                    Duration staleAfter, Duration pingInterval) {
    public static final WebSocketFeedSettings DEFAULTS = new WebSocketFeedSettings(Duration.ofSeconds(10),
            Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(15));

    public WebSocketFeedSettings {
        if (staleAfter.isZero() || staleAfter.isNegative() || pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("staleAfter and pingInterval must be positive");
        }
    }
}
