package dev.tradewind.streams.internal;

import dev.tradewind.streams.StreamErrorCodes;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The container's view of {@code /ws}: opens a {@link StreamSession} (with its sender) per connection,
 * reassembles client messages (partial delivery, so the size limit is enforced without buffering an
 * oversized message) and hands complete ones to the {@link StreamProtocol}.
 */
@Component
class StreamHandler extends TextWebSocketHandler {
    private static final Logger log = LoggerFactory.getLogger(StreamHandler.class);
    private static final String SESSION = StreamSession.class.getName();
    /** Tomcat's per-session bound on a blocking write (its default is 20 s). */
    private static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final StreamProtocol protocol;
    private final StreamSessions sessions;
    private final Frames frames;
    private final StreamMetrics metrics;
    private final StreamsProperties properties;

    StreamHandler(StreamProtocol protocol, StreamSessions sessions, Frames frames, StreamMetrics metrics,
                  StreamsProperties properties) {
        this.protocol = protocol;
        this.sessions = sessions;
        this.frames = frames;
        this.metrics = metrics;
        this.properties = properties;
    }

    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        limitContainerSession(socket);
        long maxBytes = properties.maxMessageSize().toBytes();
        Outbox<TextMessage> outbox = new Outbox<>(properties.maxQueuedMessages(), properties.maxQueuedSize().toBytes(),
                Frames::size, frames.slowConsumer(),
                new Outbox.Closing(CloseStatus.POLICY_VIOLATION.getCode(), StreamErrorCodes.SLOW_CONSUMER));
        StreamSession session = new StreamSession(socket, clientIp(socket), outbox,
                new TokenBucket(properties.inboundMessagesPerSecond(), System::nanoTime),
                new InboundAssembler(maxBytes, maxBytes * StreamProtocol.CLOSE_FACTOR));
        socket.getAttributes().put(SESSION, session);
        boolean admitted = sessions.admit(session);
        SessionSender.start(session, metrics);
        if (!admitted) {
            metrics.error(StreamErrorCodes.TOO_MANY_SESSIONS);
            outbox.close(frames.error(StreamErrorCodes.TOO_MANY_SESSIONS, "too many open connections from your address "
                            + "or in total; close one or try again later", null, null),
                    new Outbox.Closing(CloseStatus.SERVICE_OVERLOAD.getCode(), StreamErrorCodes.TOO_MANY_SESSIONS));
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
        StreamSession session = session(socket);
        if (session == null) {
            return;
        }
        InboundAssembler.Part part = session.assembler().accept(message.getPayload(), message.isLast());
        switch (part.kind()) {
            case COMPLETE -> protocol.onMessage(session, part.text());
            case TOO_LARGE -> protocol.onTooLarge(session);
            case WAY_TOO_LARGE -> protocol.onWayTooLarge(session);
            case PARTIAL -> {
            }
        }
    }

    @Override
    public void handleTransportError(WebSocketSession socket, Throwable failure) {
        log.debug("WebSocket {} transport error: {}", socket.getId(), failure.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        StreamSession session = session(socket);
        if (session != null) {
            protocol.onClosed(session);
            sessions.release(session);
        }
    }

    private static StreamSession session(WebSocketSession socket) {
        return (StreamSession) socket.getAttributes().get(SESSION);
    }

    /** Idle and send timeouts live in the container: it knows when bytes last moved. */
    private void limitContainerSession(WebSocketSession socket) {
        if (socket instanceof NativeWebSocketSession nativeSocket
                && nativeSocket.getNativeSession() instanceof jakarta.websocket.Session container) {
            container.setMaxIdleTimeout(properties.idleTimeout().toMillis());
            container.getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, properties.sendTimeout().toMillis());
        }
    }

    private static String clientIp(WebSocketSession socket) {
        InetSocketAddress remote = socket.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
