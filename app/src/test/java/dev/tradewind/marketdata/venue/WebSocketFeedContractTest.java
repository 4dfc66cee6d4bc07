package dev.tradewind.marketdata.venue;

import static dev.tradewind.marketdata.Fixtures.SYMBOLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewind.marketdata.RecordingSink;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code MarketDataFeed} contract (engine test {@code MarketDataFeedContract}) for the venue
 * WebSocket feed. It restates the same checks because the engine's test classes are not on the
 * app's test class path (that needs an engine test-jar).
 */
class WebSocketFeedContractTest {
    private LocalWebSocketServer server;
    private WebSocketFeed feed;

    @BeforeEach
    void streamingServer() throws Exception {
        server = new LocalWebSocketServer(c -> {
            c.readText(5);
            for (long id = 1; !c.isClosed(); id++) {
                c.sendText("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1732420000125,\"s\":\"BTCUSDT\",\"t\":" + id
                        + ",\"p\":\"98123.45\",\"q\":\"0.001\",\"T\":1732420000124,\"m\":true}}");
                Thread.sleep(2);
            }
        });
        feed = new WebSocketFeed(new BinanceProtocol(server.uri("/stream"), SYMBOLS, VenueSymbols.binance(List.of("BTC-USD"))),
                new WebSocketFeedSettings(Duration.ofSeconds(2), Duration.ofMillis(20), Duration.ofMillis(200),
                        Duration.ofSeconds(5), Duration.ofSeconds(1)),
                HttpClient.newHttpClient(), System::currentTimeMillis, new SplittableRandom(3));
    }

    @AfterEach
    void tearDown() throws Exception {
        feed.stop();
        server.close();
    }

    @Test
    void deliversValidUpdatesOfKnownInstrumentsFromItsOwnThread() throws Exception {
        RecordingSink sink = new RecordingSink();
        feed.start(sink);
        RecordingSink.await(() -> sink.updates.size() >= 5, "5 updates");
        assertThat(feed.name()).isEqualTo("binance");
        assertThat(sink.updates).allSatisfy(u -> assertThat(SYMBOLS.id(u.symbol())).isNotNegative());
        assertThat(sink.threads).doesNotContain(Thread.currentThread());
    }

    @Test
    void deliversNothingAfterStop() throws Exception {
        RecordingSink sink = new RecordingSink();
        feed.start(sink);
        RecordingSink.await(() -> sink.updates.size() >= 3, "3 updates");
        feed.stop();
        int after = sink.updates.size();
        Thread.sleep(150);
        assertThat(sink.updates).hasSize(after);
        feed.stop();
    }

    @Test
    void startsOnlyOnce() {
        feed.start(new RecordingSink());
        assertThatThrownBy(() -> feed.start(new RecordingSink())).isInstanceOf(IllegalStateException.class);
    }
}
