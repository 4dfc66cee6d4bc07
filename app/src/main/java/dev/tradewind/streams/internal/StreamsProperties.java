package dev.tradewind.streams.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the WebSocket endpoint {@code /ws} ({@code TRADEWIND_STREAMS_*}); docs/websocket.md.
 *
 * @param maxSubscriptionsPerSession channels one connection may subscribe to
 * @param maxMessageSize             largest client message; a larger one is answered MESSAGE_TOO_LARGE and
 *                                   skipped, one over 64 times this closes the connection (1009)
 * @param inboundMessagesPerSecond   client messages per second per connection (bursts up to the same
 *                                   number); excess ones are dropped with RATE_LIMITED
 * @param maxSessions                open connections in this process
 * @param maxSessionsPerIp           open connections per client address (the proxy's, behind one)
 * @param maxQueuedMessages          event and control messages waiting for one slow connection before it
 *                                   is closed with SLOW_CONSUMER (conflated channels do not count)
 * @param maxQueuedSize              the same, in characters of JSON
 * @param sendTimeout                a connection whose write blocks this long is closed (stalled client)
 * @param idleTimeout                a connection with no traffic either way for this long is closed;
 *                                   clients ping to stay open on quiet channels
 * @param allowedOrigins             browser origins (patterns) allowed to connect; {@code *} is safe since
 *                                   the socket carries no cookie and authenticates in-band
 */
@ConfigurationProperties("tradewind.streams")
public record StreamsProperties(
        @DefaultValue("100") int maxSubscriptionsPerSession,
        @DefaultValue("16KB") DataSize maxMessageSize,
        @DefaultValue("50") int inboundMessagesPerSecond,
        @DefaultValue("10000") int maxSessions,
        @DefaultValue("100") int maxSessionsPerIp,
        @DefaultValue("1024") int maxQueuedMessages,
        @DefaultValue("4MB") DataSize maxQueuedSize,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("60s") Duration idleTimeout,
        @DefaultValue("*") List<String> allowedOrigins) {

    public StreamsProperties {
        positive("max-subscriptions-per-session", maxSubscriptionsPerSession);
        positive("max-message-size", maxMessageSize.toBytes());
        positive("inbound-messages-per-second", inboundMessagesPerSecond);
        positive("max-sessions", maxSessions);
        positive("max-sessions-per-ip", maxSessionsPerIp);
        positive("max-queued-messages", maxQueuedMessages);
        positive("max-queued-size", maxQueuedSize.toBytes());
        positive("send-timeout", sendTimeout.toMillis());
        positive("idle-timeout", idleTimeout.toMillis());
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("tradewind.streams." + name + " must be positive, was " + value);
        }
    }
}
