package dev.tradewind.marketdata;

import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A minimal {@code /ws} client for market-data ITs: every text message lands in a queue. */
final class MarketWs implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    MarketWs(int port) {
        this.socket = HTTP.newWebSocketBuilder().connectTimeout(WAIT)
                .buildAsync(URI.create("ws://localhost:" + port + "/ws"), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            inbox.add(JSON.readTree(partial.toString()));
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).join();
    }

    void subscribe(String... channels) {
        send(Map.of("op", "subscribe", "channels", List.of(channels)));
    }

    void send(Map<String, ?> message) {
        socket.sendText(JSON.writeValueAsString(message), true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** The first message (skipping others) that matches, within {@link #WAIT}. */
    JsonNode await(String what, Predicate<JsonNode> matches) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode message;
            try {
                message = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (message == null) {
                fail("no WebSocket message with " + what + " within " + WAIT);
            }
            if (matches.test(message)) {
                return message;
            }
        }
    }

    JsonNode awaitChannel(String channel, boolean snapshot) {
        return await(channel + (snapshot ? " snapshot" : " update"), m -> channel.equals(m.path("channel").asString(""))
                && m.path("snapshot").asBoolean(false) == snapshot);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        socket.abort();
    }
}
