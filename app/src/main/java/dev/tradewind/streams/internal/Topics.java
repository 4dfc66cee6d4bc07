package dev.tradewind.streams.internal;

import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who subscribes to what: per topic (a public channel, or a user's private channel) an immutable array
 * of sessions, replaced on every change. Publishing reads one array without locking; subscription
 * changes, which are rare next to publishes, copy it.
 */
@Component
class Topics {
    private static final StreamSession[] NONE = {};

    /** @param user null for public channels */
    record Key(@Nullable UUID user, String channel) {
    }

    private final ConcurrentHashMap<Key, StreamSession[]> topics = new ConcurrentHashMap<>();

    StreamSession[] subscribers(Key key) {
        StreamSession[] sessions = topics.get(key);
        return sessions == null ? NONE : sessions;
    }

    void add(Key key, StreamSession session) {
        topics.compute(key, (k, sessions) -> {
            if (sessions == null) {
                return new StreamSession[] {session};
            }
            StreamSession[] more = Arrays.copyOf(sessions, sessions.length + 1);
            more[sessions.length] = session;
            return more;
        });
    }

    void remove(Key key, StreamSession session) {
        topics.computeIfPresent(key, (k, sessions) -> {
            StreamSession[] fewer = Arrays.stream(sessions).filter(s -> s != session).toArray(StreamSession[]::new);
            return fewer.length == 0 ? null : fewer;
        });
    }
}
