package dev.tradewind.streams.internal;

import dev.tradewind.platform.audit.AuditActions;
import dev.tradewind.platform.audit.AuditEvent;
import dev.tradewind.platform.audit.AuditLog;
import dev.tradewind.streams.Channel;
import dev.tradewind.streams.StreamErrorCodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client side of the protocol (docs/websocket.md): rate limit, parse, then subscribe, unsubscribe,
 * auth and ping; token expiry; cleanup on close. Replies go through the session's outbox like data, so
 * a reply never overtakes data queued before it.
 */
@Component
class StreamProtocol implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(StreamProtocol.class);
    /** 64 times the message limit: an oversized message is skipped up to here, then the connection is closed. */
    static final int CLOSE_FACTOR = 64;
    /** Failed auths after which a connection is closed: each one is audited, so guessing must stay cheap for us. */
    static final int MAX_FAILED_AUTHS = 5;

    private final JsonMapper json;
    private final Frames frames;
    private final Topics topics;
    private final ChannelOwners owners;
    private final AccessTokens tokens;
    private final StreamMetrics metrics;
    private final StreamsProperties properties;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService expiries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ws-token-expiry").daemon().factory());

    StreamProtocol(JsonMapper json, Frames frames, Topics topics, ChannelOwners owners, AccessTokens tokens,
                   StreamMetrics metrics, StreamsProperties properties, AuditLog audit) {
        this.json = json;
        this.frames = frames;
        this.topics = topics;
        this.owners = owners;
        this.tokens = tokens;
        this.metrics = metrics;
        this.properties = properties;
        this.audit = audit;
    }

    /** One complete client message. */
    void onMessage(StreamSession session, String text) {
        if (!withinRate(session)) {
            return;
        }
        ClientRequest request;
        try {
            request = ClientRequest.parse(json, text);
        } catch (ClientRequest.Invalid invalid) {
            error(session, StreamErrorCodes.INVALID_MESSAGE, invalid.getMessage(), null, invalid.id());
            return;
        }
        switch (request) {
            case ClientRequest.Ping ping -> reply(session, frames.pong(ping.id()));
            case ClientRequest.Subscribe subscribe -> subscribe(session, subscribe);
            case ClientRequest.Unsubscribe unsubscribe -> unsubscribe(session, unsubscribe);
            case ClientRequest.Auth auth -> auth(session, auth);
        }
    }

    /** A message over the size limit (counted against the rate limit like any other); the session stays. */
    void onTooLarge(StreamSession session) {
        if (withinRate(session)) {
            error(session, StreamErrorCodes.MESSAGE_TOO_LARGE, "messages are limited to "
                    + properties.maxMessageSize().toBytes() + " bytes; this one was skipped", null, null);
        }
    }

    /** A message so large that reading on is pointless: close with 1009. */
    void onWayTooLarge(StreamSession session) {
        TextMessage notice = frames.error(StreamErrorCodes.MESSAGE_TOO_LARGE, "message of more than "
                + properties.maxMessageSize().toBytes() * CLOSE_FACTOR + " bytes: closing", null, null);
        if (session.outbox().close(notice, new Outbox.Closing(CloseStatus.TOO_BIG_TO_PROCESS.getCode(),
                StreamErrorCodes.MESSAGE_TOO_LARGE))) {
            metrics.error(StreamErrorCodes.MESSAGE_TOO_LARGE);
        }
    }

    /** The connection closed: forget its subscriptions and stop its sender. */
    void onClosed(StreamSession session) {
        session.control.lock();
        try {
            if (!session.isClosed()) {
                session.markClosed();
                for (Channel channel : List.copyOf(session.channels().values())) {
                    drop(session, channel);
                }
            }
        } finally {
            session.control.unlock();
        }
        session.outbox().terminate();
    }

    private boolean withinRate(StreamSession session) {
        if (session.inboundRate().tryTake()) {
            return true;
        }
        if (session.rateLimitNoticeDue(System.nanoTime())) {
            error(session, StreamErrorCodes.RATE_LIMITED, "more than " + properties.inboundMessagesPerSecond()
                    + " messages a second: messages are being dropped", null, null);
        }
        return false;
    }

    private void subscribe(StreamSession session, ClientRequest.Subscribe request) {
        session.control.lock();
        try {
            if (session.isClosed()) {
                return;
            }
            Instant now = clock.instant();
            List<String> acknowledged = new ArrayList<>();
            List<Channel> fresh = new ArrayList<>();
            for (String name : request.channels()) {
                Optional<Channel> parsed = Channel.tryParse(name);
                if (parsed.isEmpty()) {
                    error(session, StreamErrorCodes.UNKNOWN_CHANNEL, "no such channel: expected ticker:SYM, book:SYM, "
                            + "trades:SYM, candles:SYM:INTERVAL (1s 1m 5m 1h 1d), orders or balances, SYM like BTC-USD",
                            ClientRequest.abbreviate(name), request.id());
                    continue;
                }
                Channel channel = parsed.get();
                if (channel.type().isPrivate() && !session.authenticatedAt(now)) {
                    error(session, StreamErrorCodes.UNAUTHORIZED, name + " is private: send {\"op\":\"auth\",\"token\":"
                            + "\"<accessToken>\"} first", name, request.id());
                    continue;
                }
                if (!channel.type().isPrivate() && !owners.exists(channel.symbol())) {
                    error(session, StreamErrorCodes.UNKNOWN_CHANNEL, "symbol " + channel.symbol() + " is not listed",
                            name, request.id());
                    continue;
                }
                if (session.channels().containsKey(name)) {
                    acknowledged.add(name); // already subscribed: idempotent, no second snapshot
                    continue;
                }
                if (session.channels().size() >= properties.maxSubscriptionsPerSession()) {
                    error(session, StreamErrorCodes.TOO_MANY_SUBSCRIPTIONS, "at most "
                            + properties.maxSubscriptionsPerSession() + " subscriptions per connection", name, request.id());
                    continue;
                }
                session.outbox().subscribe(name); // held from here: updates wait behind the snapshot
                topics.add(key(session, channel), session);
                session.channels().put(name, channel);
                metrics.subscribed(channel.type());
                fresh.add(channel);
                acknowledged.add(name);
            }
            Map<Channel, TextMessage> snapshots = new LinkedHashMap<>();
            for (Channel channel : fresh) {
                try {
                    owners.snapshot(channel, channel.type().isPrivate() ? session.userId() : null).ifPresent(data ->
                            snapshots.put(channel, frames.snapshot(channel.name(), data)));
                } catch (RuntimeException e) {
                    log.warn("Snapshot of {} for {} failed; the subscription is refused", channel, session, e);
                    drop(session, channel);
                    acknowledged.remove(channel.name());
                    error(session, StreamErrorCodes.SNAPSHOT_UNAVAILABLE, "the current state of " + channel
                            + " is unavailable; subscribe again", channel.name(), request.id());
                }
            }
            if (!acknowledged.isEmpty()) {
                reply(session, frames.subscribed(acknowledged, request.id()));
            }
            for (Channel channel : fresh) {
                if (session.channels().containsKey(channel.name())
                        && session.outbox().activate(channel.name(), snapshots.get(channel)) == Outbox.Offer.OVERFLOW) {
                    metrics.queueOverflow();
                }
            }
        } finally {
            session.control.unlock();
        }
    }

    private void unsubscribe(StreamSession session, ClientRequest.Unsubscribe request) {
        session.control.lock();
        try {
            List<String> acknowledged = new ArrayList<>();
            for (String name : request.channels()) {
                Optional<Channel> parsed = Channel.tryParse(name);
                if (parsed.isEmpty()) {
                    error(session, StreamErrorCodes.UNKNOWN_CHANNEL, "no such channel", ClientRequest.abbreviate(name),
                            request.id());
                    continue;
                }
                if (session.channels().containsKey(name)) {
                    drop(session, parsed.get());
                }
                acknowledged.add(name); // idempotent: not being subscribed is the goal
            }
            if (!acknowledged.isEmpty()) {
                reply(session, frames.unsubscribed(acknowledged, request.id()));
            }
        } finally {
            session.control.unlock();
        }
    }

    private void auth(StreamSession session, ClientRequest.Auth request) {
        Instant now = clock.instant();
        Optional<AccessTokens.Verified> verified = tokens.verify(request.token(), now);
        if (verified.isEmpty()) {
            audit.record(AuditEvent.of(AuditActions.AUTHENTICATION_FAILED, AuditEvent.FAILURE)
                    .withTarget("/ws").withDetail("reason", "INVALID_TOKEN").withClientIp(session.clientIp()));
            if (session.authFailed() < MAX_FAILED_AUTHS) {
                error(session, StreamErrorCodes.UNAUTHORIZED, "the access token is invalid or has expired: sign in "
                        + "again or refresh it", null, request.id());
            } else {
                metrics.error(StreamErrorCodes.UNAUTHORIZED);
                session.outbox().close(frames.error(StreamErrorCodes.UNAUTHORIZED, "the access token is invalid or has "
                        + "expired, and this was the " + MAX_FAILED_AUTHS + "th failed auth: closing", null, request.id()),
                        new Outbox.Closing(CloseStatus.POLICY_VIOLATION.getCode(), StreamErrorCodes.UNAUTHORIZED));
            }
            return;
        }
        UUID userId = verified.get().userId();
        Instant expiresAt = verified.get().expiresAt();
        session.control.lock();
        try {
            if (session.isClosed()) {
                return;
            }
            if (session.userId() != null && !session.userId().equals(userId)) {
                error(session, StreamErrorCodes.UNAUTHORIZED, "this connection belongs to another user; open a new "
                        + "connection to switch users", null, request.id());
                return;
            }
            long delay = Math.max(0, Duration.between(clock.instant(), expiresAt).toMillis());
            ScheduledFuture<?> expiry = expiries.schedule(
                    () -> Thread.ofVirtual().name("ws-expire-" + session.id()).start(() -> expire(session, expiresAt)),
                    delay, TimeUnit.MILLISECONDS);
            session.authenticate(userId, expiresAt, expiry);
            reply(session, frames.authenticated(userId, expiresAt, request.id()));
        } finally {
            session.control.unlock();
        }
    }

    /** The token of the last auth expired (unless a newer auth replaced it): drop the private channels. */
    private void expire(StreamSession session, Instant expiresAt) {
        session.control.lock();
        try {
            if (session.isClosed() || !expiresAt.equals(session.authExpiresAt())) {
                return;
            }
            session.authExpired();
            List<String> dropped = new ArrayList<>();
            for (Channel channel : List.copyOf(session.channels().values())) {
                if (channel.type().isPrivate()) {
                    drop(session, channel);
                    dropped.add(channel.name());
                }
            }
            error(session, StreamErrorCodes.TOKEN_EXPIRED, "the access token expired" + (dropped.isEmpty() ? ""
                    : "; dropped " + String.join(", ", dropped)) + ": send auth with a fresh token, then subscribe again",
                    null, null);
        } finally {
            session.control.unlock();
        }
    }

    /** Caller holds the session's control lock. */
    private void drop(StreamSession session, Channel channel) {
        topics.remove(key(session, channel), session);
        session.outbox().unsubscribe(channel.name());
        if (session.channels().remove(channel.name()) != null) {
            metrics.unsubscribed(channel.type());
        }
    }

    /** Caller holds the session's control lock (private channels are keyed by its user). */
    private static Topics.Key key(StreamSession session, Channel channel) {
        return new Topics.Key(channel.type().isPrivate() ? session.userId() : null, channel.name());
    }

    private void error(StreamSession session, String code, String message, @Nullable String channel,
                       @Nullable JsonNode id) {
        metrics.error(code);
        reply(session, frames.error(code, message, channel, id));
    }

    private void reply(StreamSession session, TextMessage message) {
        if (session.outbox().control(message) == Outbox.Offer.OVERFLOW) {
            metrics.queueOverflow();
        }
    }

    @Override
    public void destroy() {
        expiries.shutdownNow();
    }
}
