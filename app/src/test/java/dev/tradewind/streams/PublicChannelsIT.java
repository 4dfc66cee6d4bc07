package dev.tradewind.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Market channels: fan-out to subscribers only, snapshot first, the publisher's contract. */
class PublicChannelsIT extends StreamsIntegrationTest {

    @Test
    void publishedDataReachesEverySubscriberAndNobodyElse() {
        String symbol = freshSymbol();
        String ticker = "ticker:" + symbol;
        String trades = "trades:" + symbol;
        WsClient both1 = connect();
        WsClient both2 = connect();
        WsClient tradesOnly = connect();
        WsClient nothing = connect();
        both1.subscribe(ticker, trades);
        both2.subscribe(trades, ticker);
        tradesOnly.subscribe(trades);

        Map<String, Object> trade = new LinkedHashMap<>();
        trade.put("tradeId", 1);
        trade.put("price", "42000.50");
        publisher.publish(trades, trade);
        publisher.publish(ticker, Map.of("symbol", symbol, "last", "42000.50"));
        for (WsClient client : List.of(both1, both2)) {
            assertThat(client.next().toString()).isEqualTo("{\"channel\":\"" + trades
                    + "\",\"data\":{\"tradeId\":1,\"price\":\"42000.50\"}}");
            JsonNode tick = client.next();
            assertThat(tick.get("channel").asString()).isEqualTo(ticker);
            assertThat(tick.has("snapshot")).isFalse();
            assertThat(tick.get("data").get("last").asString()).isEqualTo("42000.50");
        }
        assertThat(tradesOnly.next().get("channel").asString()).isEqualTo(trades);
        assertThat(tradesOnly.drain()).as("not subscribed to the ticker").isEmpty();
        assertThat(nothing.drain()).isEmpty();

        both1.send(Map.of("op", "unsubscribe", "channels", List.of(ticker)));
        both1.expectOp("unsubscribed");
        publisher.publish(ticker, Map.of("symbol", symbol, "last", "42001.00"));
        publisher.publish(trades, Map.of("tradeId", 2));
        assertThat(both1.drain()).extracting(m -> m.get("channel").asString()).containsExactly(trades);
        assertThat(both2.drain()).extracting(m -> m.get("channel").asString()).containsExactly(ticker, trades);
    }

    @Test
    void theSnapshotIsTheFirstMessageAfterTheAcknowledgement() {
        String symbol = freshSymbol();
        String book = "book:" + symbol;
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("symbol", symbol);
        state.put("sequence", 5);
        state.put("bids", List.of(List.of("100.00", "2")));
        snapshots.put(book, null, state);
        WsClient client = connect();
        client.subscribe(book);
        assertThat(client.next().toString()).isEqualTo("{\"channel\":\"" + book + "\",\"snapshot\":true,\"data\":"
                + "{\"symbol\":\"" + symbol + "\",\"sequence\":5,\"bids\":[[\"100.00\",\"2\"]]}}");
        publisher.publish(book, Map.of("sequence", 6));
        JsonNode update = client.next();
        assertThat(update.has("snapshot")).isFalse();
        assertThat(update.get("data").get("sequence").asInt()).isEqualTo(6);

        client.subscribe(book); // already subscribed: no second snapshot
        assertThat(client.drain()).isEmpty();

        String trades = "trades:" + symbol; // a channel type without snapshots
        client.subscribe(trades);
        assertThat(client.drain()).isEmpty();
    }

    @Test
    void updatesPublishedWhileTheSnapshotIsTakenFollowIt() {
        String symbol = freshSymbol();
        String book = "book:" + symbol;
        String trades = "trades:" + symbol;
        WsClient client = connect();
        client.subscribe(trades);
        // the owner publishes while it builds the snapshot, as a concurrent engine thread could
        snapshots.put(book, null, (Supplier<Object>) () -> {
            publisher.publish(book, Map.of("sequence", 7));
            publisher.publish(trades, Map.of("tradeId", 70));
            return Map.of("sequence", 6);
        });
        client.send(Map.of("op", "subscribe", "channels", List.of(book)));
        assertThat(client.next().get("data").get("tradeId").asInt()).as("other channels are not held").isEqualTo(70);
        client.expectOp("subscribed");
        JsonNode snapshot = client.next();
        assertThat(snapshot.get("snapshot").asBoolean()).isTrue();
        assertThat(snapshot.get("data").get("sequence").asInt()).isEqualTo(6);
        assertThat(client.next().get("data").get("sequence").asInt()).isEqualTo(7);
    }

    @Test
    void theConflationKeyAndCandleChannelsArePassedThrough() {
        String symbol = freshSymbol();
        String candles = "candles:" + symbol + ":1m";
        WsClient client = connect();
        client.subscribe(candles);
        publisher.publish(candles, "2026-01-01T00:00:00Z", Map.of("time", "2026-01-01T00:00:00Z", "close", "1"));
        publisher.publish(candles, "2026-01-01T00:01:00Z", Map.of("time", "2026-01-01T00:01:00Z", "close", "2"));
        assertThat(client.next().get("data").get("close").asString()).isEqualTo("1");
        assertThat(client.next().get("data").get("close").asString()).isEqualTo("2");
    }

    @Test
    void thePublisherRefusesMalformedAndMisroutedChannels() {
        assertThatThrownBy(() -> publisher.publish("ticker:btc", Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ticker:SYM");
        assertThatThrownBy(() -> publisher.publish("orders", Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("publishToUser");
        assertThatThrownBy(() -> publisher.publishToUser(UUID.randomUUID(), "ticker:BTC-USD", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public channel");

        String symbol = freshSymbol();
        assertThat(publisher.hasSubscribers("ticker:" + symbol)).isFalse();
        WsClient client = connect();
        client.subscribe("ticker:" + symbol);
        assertThat(publisher.hasSubscribers("ticker:" + symbol)).isTrue();
        assertThat(publisher.hasSubscribers("book:" + symbol)).isFalse();
    }
}
