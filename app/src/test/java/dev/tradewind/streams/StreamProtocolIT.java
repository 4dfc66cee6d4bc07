package dev.tradewind.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.identity.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The protocol of {@code /ws}: ops, replies, error codes and limits (docs/websocket.md). */
class StreamProtocolIT extends StreamsIntegrationTest {

    @Test
    void pingIsAnsweredWithPongEchoingAnyId() {
        WsClient client = connect();
        client.send("{\"op\":\"ping\"}");
        assertThat(client.expectOp("pong").has("id")).isFalse();
        client.send("{\"op\":\"ping\",\"id\":42}");
        assertThat(client.expectOp("pong").get("id").asInt()).isEqualTo(42);
        client.send("{\"op\":\"ping\",\"id\":\"abc\"}");
        assertThat(client.next().toString()).isEqualTo("{\"op\":\"pong\",\"id\":\"abc\"}");
    }

    @Test
    void subscribeAndUnsubscribeAreAcknowledged() {
        String symbol = freshSymbol();
        WsClient client = connect();
        client.send("{\"op\":\"subscribe\",\"id\":1,\"channels\":[\"trades:" + symbol + "\",\"candles:" + symbol + ":1m\"]}");
        assertThat(client.next().toString()).isEqualTo("{\"op\":\"subscribed\",\"channels\":[\"trades:" + symbol
                + "\",\"candles:" + symbol + ":1m\"],\"id\":1}");
        client.subscribe("trades:" + symbol); // again: idempotent
        client.send(Map.of("op", "unsubscribe", "channels", List.of("trades:" + symbol, "ticker:" + symbol)));
        JsonNode ack = client.expectOp("unsubscribed");
        assertThat(ack.get("channels").toString()).isEqualTo("[\"trades:" + symbol + "\",\"ticker:" + symbol + "\"]");
    }

    @Test
    void malformedMessagesAreAnsweredAndTheSessionStaysOpen() {
        WsClient client = connect();
        for (String bad : List.of("not json", "[1,2]", "{}", "{\"op\":\"subscribe\",\"channels\":\"orders\"}",
                "{\"op\":\"auth\"}", "{\"op\":\"ping\"", "{\"op\":\"dance\",\"id\":\"x1\"}")) {
            client.send(bad);
            JsonNode error = client.expectError(StreamErrorCodes.INVALID_MESSAGE);
            assertThat(error.path("message").asString()).as(bad).doesNotContain("Exception", "at tools.");
        }
        client.send("{\"op\":\"dance\",\"id\":\"x2\"}");
        assertThat(client.expectError(StreamErrorCodes.INVALID_MESSAGE).get("id").asString()).isEqualTo("x2");
        assertThat(client.drain()).isEmpty();
    }

    @Test
    void unknownChannelsAreRefusedOneByOneAndTheRestIsSubscribed() {
        String symbol = freshSymbol();
        WsClient client = connect();
        client.send(Map.of("op", "subscribe", "channels", List.of("news:" + symbol, "ticker:" + symbol,
                "candles:" + symbol + ":2m", "ticker:" + UNLISTED + "-USD", "ticker:btc-usd")));
        for (String refused : List.of("news:" + symbol, "candles:" + symbol + ":2m", "ticker:" + UNLISTED + "-USD",
                "ticker:btc-usd")) {
            assertThat(client.expectError(StreamErrorCodes.UNKNOWN_CHANNEL).get("channel").asString()).isEqualTo(refused);
        }
        assertThat(client.expectOp("subscribed").get("channels").toString()).isEqualTo("[\"ticker:" + symbol + "\"]");
    }

    @Test
    void anOversizedMessageIsRefusedAndTheSessionStaysOpen() {
        WsClient client = connect();
        client.send("{\"op\":\"ping\",\"pad\":\"" + "x".repeat(16 * 1024) + "\"}");
        client.expectError(StreamErrorCodes.MESSAGE_TOO_LARGE);
        client.send("{\"op\":\"ping\",\"pad\":\"" + "x".repeat(15 * 1024) + "\"}");
        client.expectOp("pong");
    }

    @Test
    void aHugeMessageClosesTheConnectionWith1009() {
        WsClient client = connect();
        client.sendIgnoringFailure("{\"op\":\"ping\",\"pad\":\"" + "x".repeat(64 * 16 * 1024) + "\"}");
        WsClient.Closed[] closed = new WsClient.Closed[1];
        List<JsonNode> messages = client.untilClosed(closed);
        assertThat(messages).extracting(m -> m.path("code").asString()).contains(StreamErrorCodes.MESSAGE_TOO_LARGE);
        assertThat(closed[0].code()).isEqualTo(1009);
    }

    @Test
    void subscriptionsPerSessionAreLimited() {
        String symbol = freshSymbol();
        WsClient client = connect();
        List<String> channels = new ArrayList<>();
        for (String interval : Channel.CANDLE_INTERVALS) {
            for (String type : List.of("ticker:", "book:", "trades:", "candles:")) {
                String channel = type + symbol.replace("-", interval.toUpperCase() + "-");
                channels.add(type.equals("candles:") ? channel + ":" + interval : channel);
            }
        }
        channels.add("ticker:" + symbol);
        assertThat(channels).hasSize(21); // the limit is 20 in these tests
        client.send(Map.of("op", "subscribe", "channels", channels));
        assertThat(client.expectError(StreamErrorCodes.TOO_MANY_SUBSCRIPTIONS).get("channel").asString())
                .isEqualTo(channels.getLast());
        assertThat(client.expectOp("subscribed").get("channels").size()).isEqualTo(20);

        client.send(Map.of("op", "unsubscribe", "channels", List.of(channels.getFirst())));
        client.expectOp("unsubscribed");
        client.subscribe(channels.getLast());
    }

    @Test
    void inboundMessagesAreRateLimited() throws Exception {
        WsClient client = connect();
        int sent = 200; // the limit is 20 a second in these tests
        for (int i = 0; i < sent; i++) {
            client.send("{\"op\":\"ping\",\"id\":" + i + "}");
        }
        Thread.sleep(1_500); // refills the bucket
        client.send("{\"op\":\"ping\",\"id\":\"after\"}");
        int pongs = 0;
        int limited = 0;
        while (true) {
            JsonNode message = client.next();
            if (message.path("id").asString().equals("after")) {
                break;
            }
            if ("pong".equals(message.path("op").asString())) {
                pongs++;
            } else {
                assertThat(message.path("code").asString()).isEqualTo(StreamErrorCodes.RATE_LIMITED);
                limited++;
            }
        }
        assertThat(pongs).isGreaterThanOrEqualTo(20).isLessThan(sent);
        assertThat(limited).as("at most one notice a second").isBetween(1, 1 + sent / 20);
    }

    @Test
    void connectionsPerAddressAreLimited() {
        List<WsClient> admitted = new ArrayList<>();
        IntStream.range(0, 12).forEach(i -> { // the limit is 12 in these tests
            WsClient client = connect();
            assertThat(client.drain()).isEmpty();
            admitted.add(client);
        });
        WsClient refused = connect();
        WsClient.Closed[] closed = new WsClient.Closed[1];
        List<JsonNode> messages = refused.untilClosed(closed);
        assertThat(messages).singleElement().satisfies(m ->
                assertThat(m.path("code").asString()).isEqualTo(StreamErrorCodes.TOO_MANY_SESSIONS));
        assertThat(closed[0].code()).isEqualTo(1013);

        admitted.getFirst().close();
        awaitOpenSessions(11);
        assertThat(connect().drain()).isEmpty();
    }

    @Test
    void aFailingSnapshotRefusesThatChannelOnly() {
        String symbol = freshSymbol();
        WsClient client = connect();
        client.send(Map.of("op", "subscribe", "channels", List.of("book:" + BROKEN, "ticker:" + symbol)));
        assertThat(client.expectError(StreamErrorCodes.SNAPSHOT_UNAVAILABLE).get("channel").asString())
                .isEqualTo("book:" + BROKEN);
        assertThat(client.expectOp("subscribed").get("channels").toString()).isEqualTo("[\"ticker:" + symbol + "\"]");
        publisher.publish("book:" + BROKEN, Map.of("sequence", 1));
        assertThat(client.drain()).isEmpty();
    }

    @Test
    void metricsAreExported() {
        String symbol = freshSymbol();
        WsClient client = connect();
        client.subscribe("ticker:" + symbol);
        publisher.publish("ticker:" + symbol, Map.of("last", "1"));
        client.next();
        String prometheus = new TestApi(port).get("/actuator/prometheus", null).body();
        assertThat(prometheus).contains("tradewind_streams_sessions 1.0", "tradewind_streams_subscriptions{type=\"ticker\"} 1.0",
                "tradewind_streams_messages_sent_total", "tradewind_streams_messages_conflated_total",
                "tradewind_streams_published_total{type=\"ticker\"}",
                "tradewind_streams_slow_consumers_total{reason=\"queue_overflow\"}",
                "tradewind_streams_slow_consumers_total{reason=\"send_timeout\"}");
    }
}
