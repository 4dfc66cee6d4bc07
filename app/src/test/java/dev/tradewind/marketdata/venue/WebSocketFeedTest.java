package dev.tradewind.marketdata.venue;

import static dev.tradewind.marketdata.Fixtures.SYMBOLS;
import static dev.tradewind.marketdata.RecordingSink.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.engine.marketdata.RejectReason;
import dev.tradewind.engine.marketdata.TradeReported;
import dev.tradewind.engine.marketdata.feed.FeedGap;
import dev.tradewind.engine.marketdata.feed.FeedStatusChanged.FeedStatus;
import dev.tradewind.marketdata.Fixtures;
import dev.tradewind.marketdata.RecordingSink;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The venue feeds against a local RFC 6455 server replaying captured-format messages. */
class WebSocketFeedTest {
    private static final WebSocketFeedSettings FAST = new WebSocketFeedSettings(Duration.ofSeconds(2),
            Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(1));

    private final RecordingSink sink = new RecordingSink();
    private LocalWebSocketServer server;
    private WebSocketFeed feed;

    @AfterEach
    void tearDown() throws Exception {
        if (feed != null) {
            feed.stop();
        }
        if (server != null) {
            assertThat(server.scriptErrors()).isEmpty();
            server.close();
        }
    }

    private WebSocketFeed feed(VenueProtocol protocol, WebSocketFeedSettings settings) {
        feed = new WebSocketFeed(protocol, settings, HttpClient.newHttpClient(), System::currentTimeMillis, new SplittableRandom(1));
        return feed;
    }

    @Test
    void binanceReconnectsAfterTheServerDropsItAndReportsTheGap() throws Exception {
        List<String> session = Fixtures.lines("binance/session.jsonl");
        BinanceProtocol[] protocol = new BinanceProtocol[1];
        server = new LocalWebSocketServer(c -> {
            assertThat(c.readText(5)).isEqualTo(protocol[0].subscribeMessages().getFirst());
            if (c.index == 1) {
                for (String message : session.subList(0, 5)) { // ack, book, trades 1 (BTC), 1 (ETH), 2 (BTC)
                    c.sendText(message);
                }
                Thread.sleep(100);
                c.drop();
            } else {
                c.sendText(session.get(0));
                c.sendText(session.get(8)); // trade 5: 3 and 4 were lost while disconnected
                c.sendText(session.get(9));
                c.stayOpenSilently();
            }
        });
        protocol[0] = new BinanceProtocol(server.uri("/stream"), SYMBOLS, VenueSymbols.binance(List.of("BTC-USD", "ETH-USD")));
        feed(protocol[0], FAST).start(sink);

        await(() -> sink.updates.size() == 6, "6 updates over two connections");
        assertThat(server.connections()).isEqualTo(2);
        assertThat(sink.gaps).containsExactly(
                new FeedGap("binance", "BTC-USD", "trade_id", 3_300_000_003L, 3_300_000_005L, 1_732_420_000_354L));
        assertThat(sink.updates).filteredOn(u -> u instanceof TradeReported t && t.symbol().equals("BTC-USD"))
                .extracting(u -> ((TradeReported) u).tradeId())
                .containsExactly(3_300_000_001L, 3_300_000_002L, 3_300_000_005L, 3_300_000_006L);
        assertThat(sink.statusCount(FeedStatus.CONNECTED)).isEqualTo(2);
        assertThat(sink.statusCount(FeedStatus.DISCONNECTED)).isEqualTo(1);
        FeedStats stats = feed.stats();
        assertThat(stats.connects()).isEqualTo(2);
        assertThat(stats.reconnects()).isEqualTo(1);
        assertThat(stats.gaps()).isEqualTo(1);
        assertThat(stats.connected()).isTrue();
        assertThat(sink.rejected).isEmpty();
    }

    @Test
    void aSilentConnectionIsDeclaredStaleAndReplaced() throws Exception {
        List<String> session = Fixtures.lines("binance/session.jsonl");
        server = new LocalWebSocketServer(c -> {
            c.readText(5);
            if (c.index == 1) {
                c.answerPings = false; // a dead peer: the TCP connection stays up, nothing comes back
                c.sendText(session.get(1));
                c.stayOpenSilently();
            } else {
                c.sendText(session.get(2));
                c.stayOpenSilently();
            }
        });
        WebSocketFeedSettings settings = new WebSocketFeedSettings(Duration.ofSeconds(2), Duration.ofMillis(20),
                Duration.ofMillis(200), Duration.ofMillis(1_000), Duration.ofMillis(200));
        feed(new BinanceProtocol(server.uri("/stream"), SYMBOLS, VenueSymbols.binance(List.of("BTC-USD"))), settings).start(sink);

        await(() -> sink.updates.size() == 2, "the quote, then a trade on a new connection");
        assertThat(server.connections()).isEqualTo(2);
        assertThat(sink.statusCount(FeedStatus.STALE)).isEqualTo(1);
        assertThat(sink.statuses).filteredOn(s -> s.status() == FeedStatus.STALE).singleElement()
                .satisfies(s -> assertThat(s.detail()).startsWith("no message for"));
        assertThat(feed.stats().staleReconnects()).isEqualTo(1);
    }

    @Test
    void coinbaseResubscribesAndDetectsMissedTrades() throws Exception {
        List<String> session = Fixtures.lines("coinbase/session.jsonl");
        server = new LocalWebSocketServer(c -> {
            assertThat(c.readText(5)).isEqualTo(
                    "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\",\"ETH-USD\"],\"channels\":[\"matches\",\"ticker\",\"heartbeat\"]}");
            if (c.index == 1) {
                for (String message : session.subList(0, 5)) { // subscriptions, last_match 100, match 101, ticker, heartbeat
                    c.sendText(message);
                }
                c.drop();
            } else {
                c.sendText(session.get(0));
                c.sendText(session.get(2)); // last_match after resubscribing: trade 101 again (a duplicate)
                c.sendText(session.get(6)); // match 103: 102 was missed
                c.sendText(session.get(7));
                c.stayOpenSilently();
            }
        });
        feed(new CoinbaseProtocol(server.uri("/"), SYMBOLS, VenueSymbols.identity(List.of("BTC-USD", "ETH-USD"))), FAST)
                .start(sink);

        await(() -> sink.updates.size() == 5, "5 updates over two connections");
        assertThat(sink.gaps).containsExactly(new FeedGap("coinbase", "BTC-USD", "trade_id", 765_432_102L, 765_432_103L,
                1_732_420_001_350L));
        assertThat(sink.rejected).containsExactly(RejectReason.STALE_SEQUENCE);
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void keepsRetryingWhileTheVenueIsDown() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        feed(new CoinbaseProtocol(URI.create("ws://127.0.0.1:" + port + "/"), SYMBOLS, VenueSymbols.identity(List.of("BTC-USD"))),
                FAST).start(sink);
        await(() -> feed.stats().reconnects() >= 3, "three reconnect attempts");
        assertThat(sink.statuses).filteredOn(s -> s.status() == FeedStatus.DISCONNECTED)
                .allSatisfy(s -> assertThat(s.detail()).startsWith("connect failed"));
        assertThat(feed.stats().connected()).isFalse();
    }

    @Test
    void backoffDoublesWithJitterUpToTheCap() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(2), new SplittableRandom(7));
        long[] caps = {100, 200, 400, 800, 1_600, 2_000, 2_000, 2_000};
        for (long cap : caps) {
            assertThat(backoff.nextDelayMillis()).isBetween(cap / 2, cap);
        }
        backoff.reset();
        assertThat(backoff.nextDelayMillis()).isBetween(50L, 100L);
    }
}
