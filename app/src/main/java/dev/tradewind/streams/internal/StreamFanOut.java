package dev.tradewind.streams.internal;

import dev.tradewind.streams.Channel;
import dev.tradewind.streams.ChannelType;
import dev.tradewind.streams.StreamPublisher;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;

/**
 * The {@link StreamPublisher}: looks the topic's sessions up, serializes once, offers the one message to
 * each session's outbox. No I/O, no waiting on any client.
 */
@Component
class StreamFanOut implements StreamPublisher {
    /** Validated channel names; bounded so a buggy publisher inventing names cannot grow it forever. */
    private static final int MAX_KNOWN_CHANNELS = 100_000;
    private static final char KEY_SEPARATOR = '\n'; // cannot occur in a channel name

    private final Topics topics;
    private final Frames frames;
    private final StreamMetrics metrics;
    private final ConcurrentHashMap<String, ChannelType> known = new ConcurrentHashMap<>();

    StreamFanOut(Topics topics, Frames frames, StreamMetrics metrics) {
        this.topics = topics;
        this.frames = frames;
        this.metrics = metrics;
    }

    @Override
    public void publish(String channel, Object data) {
        deliver(null, channel, null, data);
    }

    @Override
    public void publish(String channel, String conflationKey, Object data) {
        deliver(null, channel, Objects.requireNonNull(conflationKey, "conflationKey"), data);
    }

    @Override
    public void publishToUser(UUID userId, String channel, Object data) {
        deliver(Objects.requireNonNull(userId, "userId"), channel, null, data);
    }

    @Override
    public void publishToUser(UUID userId, String channel, String conflationKey, Object data) {
        deliver(Objects.requireNonNull(userId, "userId"), channel, Objects.requireNonNull(conflationKey, "conflationKey"),
                data);
    }

    @Override
    public boolean hasSubscribers(String channel) {
        typeOf(channel, false);
        return topics.subscribers(new Topics.Key(null, channel)).length > 0;
    }

    @Override
    public boolean hasSubscribers(UUID userId, String channel) {
        typeOf(channel, true);
        return topics.subscribers(new Topics.Key(Objects.requireNonNull(userId, "userId"), channel)).length > 0;
    }

    private void deliver(@Nullable UUID userId, String channel, @Nullable String conflationKey, Object data) {
        Objects.requireNonNull(data, "data");
        ChannelType type = typeOf(channel, userId != null);
        StreamSession[] subscribers = topics.subscribers(new Topics.Key(userId, channel));
        if (subscribers.length == 0) {
            return;
        }
        TextMessage message = frames.data(channel, data);
        metrics.published(type);
        String slot = !type.isConflated() ? null : conflationKey == null ? channel : channel + KEY_SEPARATOR + conflationKey;
        for (StreamSession session : subscribers) {
            switch (session.outbox().offer(channel, slot, message)) {
                case CONFLATED -> metrics.conflated();
                case OVERFLOW -> metrics.queueOverflow(); // the session's sender sends SLOW_CONSUMER, closes and logs
                case QUEUED, HELD, NOT_SUBSCRIBED, CLOSED -> {
                }
            }
        }
    }

    private ChannelType typeOf(String channel, boolean toUser) {
        Objects.requireNonNull(channel, "channel");
        ChannelType type = known.get(channel);
        if (type == null) {
            type = Channel.parse(channel).type();
            if (known.size() < MAX_KNOWN_CHANNELS) {
                known.put(channel, type);
            }
        }
        if (type.isPrivate() != toUser) {
            throw new IllegalArgumentException(type.isPrivate()
                    ? channel + " is a per-user channel: use publishToUser(userId, \"" + channel + "\", data)"
                    : channel + " is a public channel: use publish(\"" + channel + "\", data)");
        }
        return type;
    }
}
