package dev.tradewind.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test client of {@code /ws} on the JDK's WebSocket: collects server messages as JSON, and can stop
 * reading ({@link #pause()}) through the client's own flow control, so the server sees a stalled peer.
 */
final class WsClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The server closed the connection (or it failed: code -1). */
    record Closed(int code, String reason) {
    }

    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final WebSocket socket;
    private final Object demandLock = new Object();
    private boolean paused;
    private boolean owed;

    private WsClient(int port) {
        this.socket = HTTP.newWebSocketBuilder().connectTimeout(WAIT)
                .buildAsync(URI.create("ws://localhost:" + port + "/ws"), new Listener()).join();
    }

    static WsClient connect(int port) {
        return new WsClient(port);
    }

    void send(String text) {
        socket.sendText(text, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** For a message the server may close the connection over while it is being sent. */
    void sendIgnoringFailure(String text) {
        socket.sendText(text, true).exceptionally(e -> null);
    }

    void send(Map<String, ?> message) {
        send(JSON.writeValueAsString(message));
    }

    /** The next server message; fails on a close or after {@link #WAIT}. */
    JsonNode next() {
        Object message = poll();
        if (message instanceof Closed closed) {
            fail("expected a message but the connection closed: " + closed);
        }
        return (JsonNode) message;
    }

    /** The close, after any messages before it (returned). */
    List<JsonNode> untilClosed(Closed[] closed) {
        List<JsonNode> messages = new ArrayList<>();
        while (true) {
            Object message = poll();
            if (message instanceof Closed c) {
                closed[0] = c;
                return messages;
            }
            messages.add((JsonNode) message);
        }
    }

    /** Sends a ping and returns what arrived before the pong: a barrier behind everything queued for us. */
    List<JsonNode> drain() {
        String id = "barrier-" + System.nanoTime();
        send(Map.of("op", "ping", "id", id));
        List<JsonNode> before = new ArrayList<>();
        while (true) {
            JsonNode message = next();
            if ("pong".equals(message.path("op").asString()) && id.equals(message.path("id").asString())) {
                return before;
            }
            before.add(message);
        }
    }

    JsonNode expectOp(String op) {
        JsonNode message = next();
        assertThat(message.path("op").asString()).as(message.toString()).isEqualTo(op);
        return message;
    }

    JsonNode expectError(String code) {
        JsonNode message = expectOp("error");
        assertThat(message.path("code").asString()).as(message.toString()).isEqualTo(code);
        assertThat(message.path("message").asString()).isNotBlank();
        return message;
    }

    JsonNode subscribe(String... channels) {
        send(Map.of("op", "subscribe", "channels", List.of(channels)));
        JsonNode ack = expectOp("subscribed");
        assertThat(ack.get("channels").values()).extracting(JsonNode::asString).containsExactly(channels);
        return ack;
    }

    /** Stop reading: after at most the message in flight, nothing more is taken from the socket. */
    void pause() {
        synchronized (demandLock) {
            paused = true;
        }
    }

    void resume() {
        synchronized (demandLock) {
            paused = false;
            if (owed) {
                owed = false;
                socket.request(1);
            }
        }
    }

    boolean isOpen() {
        return !socket.isInputClosed();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null);
        }
        resume();
        socket.abort();
    }

    private Object poll() {
        try {
            Object message = inbox.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                fail("no message from the server within " + WAIT);
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void demand(WebSocket webSocket) {
        synchronized (demandLock) {
            if (paused) {
                owed = true;
            } else {
                webSocket.request(1);
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                inbox.add(JSON.readTree(text.toString()));
                text.setLength(0);
            }
            demand(webSocket);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            inbox.add(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            inbox.add(new Closed(-1, error.toString()));
        }
    }
}
