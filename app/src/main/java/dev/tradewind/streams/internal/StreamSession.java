package dev.tradewind.streams.internal;

import dev.tradewind.streams.Channel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One {@code /ws} connection: its outbound queue, inbound limits, subscriptions and authentication.
 * The subscription and authentication state is guarded by {@link #control}, taken by the reader
 * thread (client ops), the token-expiry task and the close callback; publishers only touch the outbox.
 */
final class StreamSession {
    final ReentrantLock control = new ReentrantLock();

    private final WebSocketSession socket;
    private final String clientIp;
    private final Outbox<TextMessage> outbox;
    private final TokenBucket inboundRate;
    private final InboundAssembler assembler;

    // guarded by control
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private @Nullable UUID userId; // bound by the first successful auth, for the connection's life
    private @Nullable Instant authExpiresAt; // null when not (or no longer) authenticated
    private @Nullable ScheduledFuture<?> expiry;
    private boolean closed;

    // reader thread only
    private long rateLimitNoticeAt = Long.MIN_VALUE;
    private int failedAuths;

    StreamSession(WebSocketSession socket, String clientIp, Outbox<TextMessage> outbox, TokenBucket inboundRate,
                  InboundAssembler assembler) {
        this.socket = socket;
        this.clientIp = clientIp;
        this.outbox = outbox;
        this.inboundRate = inboundRate;
        this.assembler = assembler;
    }

    String id() {
        return socket.getId();
    }

    WebSocketSession socket() {
        return socket;
    }

    String clientIp() {
        return clientIp;
    }

    Outbox<TextMessage> outbox() {
        return outbox;
    }

    TokenBucket inboundRate() {
        return inboundRate;
    }

    InboundAssembler assembler() {
        return assembler;
    }

    Map<String, Channel> channels() {
        assertControl();
        return channels;
    }

    @Nullable UUID userId() {
        assertControl();
        return userId;
    }

    boolean authenticatedAt(Instant now) {
        assertControl();
        return authExpiresAt != null && authExpiresAt.isAfter(now);
    }

    @Nullable Instant authExpiresAt() {
        assertControl();
        return authExpiresAt;
    }

    /** Replaces the authentication (and its expiry task) after a verified {@code op:auth}. */
    void authenticate(UUID user, Instant expiresAt, @Nullable ScheduledFuture<?> newExpiry) {
        assertControl();
        cancelExpiry();
        userId = user;
        authExpiresAt = expiresAt;
        expiry = newExpiry;
    }

    void authExpired() {
        assertControl();
        authExpiresAt = null;
        expiry = null;
    }

    boolean isClosed() {
        assertControl();
        return closed;
    }

    void markClosed() {
        assertControl();
        closed = true;
        cancelExpiry();
    }

    /** Whether a RATE_LIMITED notice is due (at most one per second, so a flood does not echo back). */
    boolean rateLimitNoticeDue(long nowNanos) {
        if (rateLimitNoticeAt != Long.MIN_VALUE && nowNanos - rateLimitNoticeAt < 1_000_000_000L) {
            return false;
        }
        rateLimitNoticeAt = nowNanos;
        return true;
    }

    /** Counts a refused {@code op:auth}; returns how many this connection has had. Reader thread only. */
    int authFailed() {
        return ++failedAuths;
    }

    private void cancelExpiry() {
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
    }

    private void assertControl() {
        if (!control.isHeldByCurrentThread()) {
            throw new IllegalStateException("session state read without its control lock");
        }
    }

    @Override
    public String toString() {
        return "StreamSession[" + id() + " from " + clientIp + "]";
    }
}
