package dev.tradewind.streams.internal;

import dev.tradewind.streams.StreamErrorCodes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * The open connections: admission against the overall and per-address limits, and a clean close
 * (1001, going away) for each of them when the application stops, before the web server does.
 */
@Component
class StreamSessions implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(StreamSessions.class);
    private static final long SHUTDOWN_WAIT_MILLIS = 2_000;

    private final StreamsProperties properties;
    private final Frames frames;
    private final Map<String, StreamSession> open = new ConcurrentHashMap<>();
    private final Map<String, Integer> perAddress = new HashMap<>(); // guarded by this
    private volatile boolean running;

    StreamSessions(StreamsProperties properties, Frames frames, StreamMetrics metrics) {
        this.properties = properties;
        this.frames = frames;
        metrics.sessionsGauge(open::size);
    }

    /** Registers the session unless a limit is reached or the application is stopping. */
    synchronized boolean admit(StreamSession session) {
        if (!running || open.size() >= properties.maxSessions()
                || perAddress.getOrDefault(session.clientIp(), 0) >= properties.maxSessionsPerIp()) {
            return false;
        }
        open.put(session.id(), session);
        perAddress.merge(session.clientIp(), 1, Integer::sum);
        return true;
    }

    synchronized void release(StreamSession session) {
        if (open.remove(session.id(), session)) {
            perAddress.computeIfPresent(session.clientIp(), (address, count) -> count == 1 ? null : count - 1);
        }
    }

    int openCount() {
        return open.size();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        List<StreamSession> sessions = List.copyOf(open.values());
        for (StreamSession session : sessions) {
            session.outbox().close(frames.error(StreamErrorCodes.SERVER_STOPPING, "the server is stopping; reconnect shortly", null, null),
                    new Outbox.Closing(CloseStatus.GOING_AWAY.getCode(), StreamErrorCodes.SERVER_STOPPING));
        }
        long deadline = System.nanoTime() + SHUTDOWN_WAIT_MILLIS * 1_000_000;
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!sessions.isEmpty()) {
            log.info("Closed {} WebSocket sessions ({} still closing)", sessions.size(), open.size());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
