package dev.tradewind.streams.internal;

import dev.tradewind.streams.StreamErrorCodes;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The writer of one connection, on its own virtual thread: takes batches from the outbox and sends them
 * with a blocking write bounded by the container's send timeout. Only this thread writes to the socket,
 * so a stalled client blocks nobody but itself; when its write times out, it is closed.
 */
final class SessionSender implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(SessionSender.class);
    private static final int BATCH = 64;

    private final StreamSession session;
    private final StreamMetrics metrics;

    SessionSender(StreamSession session, StreamMetrics metrics) {
        this.session = session;
        this.metrics = metrics;
    }

    static void start(StreamSession session, StreamMetrics metrics) {
        Thread.ofVirtual().name("ws-send-" + session.id()).start(new SessionSender(session, metrics));
    }

    @Override
    public void run() {
        WebSocketSession socket = session.socket();
        try {
            while (true) {
                Outbox.Batch<TextMessage> batch = session.outbox().take(BATCH);
                for (TextMessage message : batch.messages()) {
                    socket.sendMessage(message);
                    metrics.sent();
                }
                if (batch.closing() != null) {
                    Outbox.Closing closing = batch.closing();
                    if (StreamErrorCodes.SLOW_CONSUMER.equals(closing.reason())) {
                        log.info("Closed slow WebSocket {}: its event queue overflowed", session);
                    }
                    socket.close(new CloseStatus(closing.code(), closing.reason()));
                }
                if (batch.finished()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.outbox().terminate();
        } catch (IOException | RuntimeException e) {
            session.outbox().terminate();
            if (timedOut(e)) {
                metrics.sendTimeout();
                log.info("Closing stalled WebSocket {}: a write made no progress in time ({})", session, e.toString());
                closeQuietly(socket, new CloseStatus(CloseStatus.POLICY_VIOLATION.getCode(), StreamErrorCodes.SLOW_CONSUMER));
            } else if (socket.isOpen()) {
                log.warn("Sending to WebSocket {} failed; closing it", session, e);
                closeQuietly(socket, CloseStatus.SERVER_ERROR);
            } else {
                log.debug("WebSocket {} closed while sending: {}", session, e.toString());
            }
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void closeQuietly(WebSocketSession socket, CloseStatus status) {
        try {
            socket.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Closing WebSocket {} failed: {}", session, e.toString());
        }
    }
}
