package dev.tradewind.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradewind.engine.query.MarketSnapshot;
import dev.tradewind.identity.TestApi.Response;
import dev.tradewind.identity.TestApi.Session;
import dev.tradewind.trading.TradingApi;
import dev.tradewind.trading.TradingIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The running app with the synthetic feed at a fast tick rate: ticker and candles move, reference
 * prices reach the engine, the REST endpoints validate, the book and trades reflect the engine, and
 * WebSocket subscribers get ticker and trade updates.
 */
@TestPropertySource(properties = {
        "tradewind.marketdata.feed=synthetic",
        "tradewind.marketdata.synthetic.updates-per-second=100",
        "tradewind.marketdata.reference.min-interval=20ms",
        "tradewind.marketdata.streams.publish-interval=50ms",
        "tradewind.marketdata.candles.persist-intervals=1s,1m",
        // every update is "slow": alerts fire (rate-limited to one a second)
        "tradewind.marketdata.pipeline.latency-threshold=1ns"})
@Import(MarketDataIT.Alerts.class)
class MarketDataIT extends TradingIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestConfiguration
    static class Alerts {
        final BlockingQueue<LatencyAlertRaised> received = new LinkedBlockingQueue<>();

        @EventListener
        void on(LatencyAlertRaised alert) {
            received.add(alert);
        }
    }

    @Autowired
    Alerts alerts;

    @Test
    void latencyIsExportedAndSlowUpdatesRaiseAlerts() throws InterruptedException {
        LatencyAlertRaised alert = alerts.received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(alert).isNotNull();
        assertThat(alert.thresholdNanos()).isEqualTo(1);
        assertThat(alert.nanos()).isGreaterThan(1);

        await().atMost(WAIT).untilAsserted(() -> {
            Response r = api.get(api.admin(), "/api/v1/admin/latency");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode latency = r.json();
            assertThat(latency.get("feed").asString()).isEqualTo("synthetic");
            assertThat(latency.get("updates").asLong()).isPositive();
            assertThat(latency.get("alerts").asLong()).isPositive();
            assertThat(latency.get("stages").size()).isEqualTo(8);
            JsonNode total = latency.get("stages").get(7);
            assertThat(total.get("stage").asString()).isEqualTo("total");
            assertThat(total.get("count").asLong()).isPositive();
            assertThat(total.get("maxNanos").asLong()).isGreaterThanOrEqualTo(total.get("p99Nanos").asLong());
            assertThat(total.get("p99Nanos").asLong()).isGreaterThanOrEqualTo(total.get("p50Nanos").asLong());
        });
        Session trader = api.newTrader();
        assertThat(api.get(trader, "/api/v1/admin/latency").status()).isEqualTo(403);
        assertThat(api.get(null, "/api/v1/admin/latency").status()).isEqualTo(401);

        String prometheus = api.get(null, "/actuator/prometheus").body();
        assertThat(prometheus).contains("tradewind_marketdata_latency_seconds{quantile=\"0.99\",stage=\"total\"}")
                .contains("tradewind_marketdata_updates_total").contains("tradewind_marketdata_reference_sent_total");
    }

    @Test
    void tickerAndCandlesMoveWithTheSyntheticFeed() {
        AtomicReference<JsonNode> first = new AtomicReference<>();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode ticker = ok("/api/v1/markets/BTC-USD/ticker");
            assertThat(ticker.get("referencePrice").isNull()).isFalse();
            assertThat(ticker.get("last").isNull()).isFalse();
            first.set(ticker);
        });
        JsonNode ticker = first.get();
        assertThat(ticker.get("symbol").asString()).isEqualTo("BTC-USD");
        BigDecimal reference = new BigDecimal(ticker.get("referencePrice").asString());
        assertThat(reference).isBetween(new BigDecimal("30000"), new BigDecimal("120000")); // started at 60,000
        assertThat(ticker.get("volume24h").isString()).isTrue();
        Instant firstTime = Instant.parse(ticker.get("timestamp").asString());
        await().atMost(WAIT).untilAsserted(() -> assertThat(Instant.parse(ok("/api/v1/markets/BTC-USD/ticker")
                .get("timestamp").asString())).isAfter(firstTime));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode candles = ok("/api/v1/markets/ETH-USD/candles?interval=1s&limit=10");
            assertThat(candles.size()).isGreaterThanOrEqualTo(2);
            JsonNode c = candles.get(0);
            assertThat(new BigDecimal(c.get("high").asString())).isGreaterThanOrEqualTo(new BigDecimal(c.get("low").asString()));
            assertThat(Instant.parse(candles.get(1).get("time").asString())).isAfter(Instant.parse(c.get("time").asString()));
        });
        JsonNode minute = ok("/api/v1/markets/ETH-USD/candles?interval=1m");
        assertThat(minute.size()).isGreaterThanOrEqualTo(1);
        assertThat(minute.get(0).propertyNames())
                .containsExactlyInAnyOrder("time", "open", "high", "low", "close", "volume");
    }

    @Test
    void referencePricesReachTheEngine() {
        int btc = engine.query(m -> m.instrument("BTC-USD").orElseThrow().id());
        await().atMost(WAIT).untilAsserted(() -> {
            MarketSnapshot market = engine.query(m -> m.market(btc).orElseThrow());
            assertThat(market.referencePrice()).isPositive();
        });
        long before = engine.query(m -> m.market(btc).orElseThrow().referencePrice());
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(engine.<Long>query(m -> m.market(btc).orElseThrow().referencePrice())).isNotEqualTo(before));
    }

    @Test
    void badParametersAreValidationErrorsAndUnknownSymbolsNotFound() {
        for (String path : List.of("/api/v1/markets/BTC-USD/book?depth=0", "/api/v1/markets/BTC-USD/book?depth=501",
                "/api/v1/markets/BTC-USD/book?depth=abc", "/api/v1/markets/BTC-USD/trades?limit=0",
                "/api/v1/markets/BTC-USD/trades?limit=100000", "/api/v1/markets/BTC-USD/candles?interval=2m",
                "/api/v1/markets/BTC-USD/candles?from=yesterday", "/api/v1/markets/BTC-USD/candles?limit=0",
                "/api/v1/markets/BTC-USD/candles?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")) {
            Response r = api.get(null, path);
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
            assertThat(r.json().get("code").asString()).as(path).isEqualTo("VALIDATION_FAILED");
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        for (String path : List.of("/api/v1/markets/DOGE-USD/ticker", "/api/v1/markets/DOGE-USD/book",
                "/api/v1/markets/DOGE-USD/trades", "/api/v1/markets/DOGE-USD/candles")) {
            Response r = api.get(null, path);
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(404);
            assertThat(r.json().get("code").asString()).isEqualTo("NOT_FOUND");
        }
        // epoch milliseconds work as well as ISO-8601
        assertThat(api.get(null, "/api/v1/markets/BTC-USD/candles?interval=1m&from=0&to=" + Long.MAX_VALUE / 1_000_000)
                .status()).isEqualTo(200);
    }

    @Test
    void bookShowsRestingOrders() {
        Session trader = api.fundedTrader("USD", "10000");
        api.placed(trader, TradingApi.limit("SOL-USD", "BUY", "2.50", "11.111"));
        api.placed(trader, TradingApi.limit("SOL-USD", "BUY", "1.00", "11.111"));
        api.placed(trader, TradingApi.limit("SOL-USD", "BUY", "1.00", "10.000"));
        JsonNode book = ok("/api/v1/markets/SOL-USD/book?depth=5");
        assertThat(book.get("symbol").asString()).isEqualTo("SOL-USD");
        assertThat(book.get("sequence").asLong()).isPositive();
        List<List<String>> bids = levels(book.get("bids"));
        assertThat(bids).startsWith(List.of("11.111", "3.50"), List.of("10.000", "1.00"));
        JsonNode top = ok("/api/v1/markets/SOL-USD/book?depth=1");
        assertThat(top.get("bids").size()).isEqualTo(1);
        JsonNode ticker = ok("/api/v1/markets/SOL-USD/ticker");
        assertThat(ticker.get("bid").asString()).isEqualTo("11.111");
    }

    @Test
    void tradesShowExecutedTradesNewestFirstAndReachWebSocketSubscribers() {
        Session seller = api.fundedTrader("AAPL", "10");
        Session buyer = api.fundedTrader("USD", "10000");
        try (MarketWs ws = new MarketWs(port)) {
            ws.subscribe("ticker:AAPL-USD", "trades:AAPL-USD");
            ws.await("subscribed", m -> "subscribed".equals(m.path("op").asString("")));
            JsonNode snapshot = ws.awaitChannel("ticker:AAPL-USD", true);
            assertThat(snapshot.get("data").get("symbol").asString()).isEqualTo("AAPL-USD");
            JsonNode update = ws.awaitChannel("ticker:AAPL-USD", false);
            assertThat(update.get("data").has("referencePrice")).isTrue();

            api.placed(seller, TradingApi.limit("AAPL-USD", "SELL", "0.500", "5.00"));
            JsonNode taker = api.placed(buyer, TradingApi.limit("AAPL-USD", "BUY", "0.200", "5.00"));
            assertThat(taker.get("status").asString()).isEqualTo("FILLED");
            api.placed(buyer, TradingApi.limit("AAPL-USD", "BUY", "0.300", "5.00"));

            JsonNode trade = ws.awaitChannel("trades:AAPL-USD", false).get("data");
            assertThat(trade.get("price").asString()).isEqualTo("5.00");
            assertThat(trade.get("quantity").asString()).isEqualTo("0.200");
            assertThat(trade.get("takerSide").asString()).isEqualTo("BUY");
            JsonNode second = ws.awaitChannel("trades:AAPL-USD", false).get("data");
            assertThat(second.get("tradeId").asLong()).isGreaterThan(trade.get("tradeId").asLong());
        }
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode trades = ok("/api/v1/markets/AAPL-USD/trades?limit=2");
            assertThat(trades.size()).isEqualTo(2);
            assertThat(trades.get(0).get("quantity").asString()).isEqualTo("0.300");
            assertThat(trades.get(1).get("quantity").asString()).isEqualTo("0.200");
            assertThat(trades.get(0).get("tradeId").asLong()).isGreaterThan(trades.get(1).get("tradeId").asLong());
            assertThat(trades.get(0).propertyNames())
                    .containsExactlyInAnyOrder("tradeId", "price", "quantity", "takerSide", "timestamp");
        });
        // the venue's own trades count in the 24 h volume
        await().atMost(WAIT).untilAsserted(() -> assertThat(new BigDecimal(ok("/api/v1/markets/AAPL-USD/ticker")
                .get("volume24h").asString())).isGreaterThanOrEqualTo(new BigDecimal("0.500")));
    }

    @Test
    void bookChannelSendsASnapshotAndFollowsTheBook() {
        Session trader = api.fundedTrader("USD", "10000");
        try (MarketWs ws = new MarketWs(port)) {
            ws.subscribe("book:ETH-USD", "candles:ETH-USD:1s");
            JsonNode snapshot = ws.awaitChannel("book:ETH-USD", true).get("data");
            long sequence = snapshot.get("sequence").asLong();
            api.placed(trader, TradingApi.limit("ETH-USD", "BUY", "0.0100", "7.77"));
            JsonNode book = ws.await("a book with the new bid", m -> "book:ETH-USD".equals(m.path("channel").asString(""))
                    && m.get("data").get("sequence").asLong() > sequence
                    && m.get("data").get("bids").toString().contains("7.77")).get("data");
            assertThat(book.get("symbol").asString()).isEqualTo("ETH-USD");
            JsonNode candle = ws.awaitChannel("candles:ETH-USD:1s", false).get("data");
            assertThat(candle.has("open")).isTrue();
        }
    }

    @Test
    void openApiDocumentsTheEndpoints() {
        JsonNode doc = ok("/v3/api-docs");
        JsonNode paths = doc.get("paths");
        for (String path : List.of("/api/v1/markets/{symbol}/ticker", "/api/v1/markets/{symbol}/book",
                "/api/v1/markets/{symbol}/trades", "/api/v1/markets/{symbol}/candles", "/api/v1/admin/latency")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        JsonNode ticker = paths.get("/api/v1/markets/{symbol}/ticker").get("get");
        assertThat(ticker.get("responses").propertyNames()).contains("200", "404");
        JsonNode last = doc.get("components").get("schemas").get("Ticker").get("properties").get("last");
        assertThat(last.get("type").asString()).isEqualTo("string");
        assertThat(last.get("example").asString()).isEqualTo("60012.50");
    }

    private JsonNode ok(String path) {
        Response r = api.get(null, path);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<List<String>> levels(JsonNode side) {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode level : side) {
            out.add(List.of(level.get(0).asString(), level.get(1).asString()));
        }
        return out;
    }
}
