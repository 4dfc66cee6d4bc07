package dev.tradewind.portfolio.internal;

import static dev.tradewind.portfolio.internal.AverageCostBookTest.fill;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.IntegrationTest;
import dev.tradewind.identity.TestApi;
import dev.tradewind.portfolio.Fill.Side;
import dev.tradewind.portfolio.InMemoryFills;
import dev.tradewind.portfolio.InMemoryHoldings;
import dev.tradewind.portfolio.InMemoryPrices;
import dev.tradewind.portfolio.PortfolioTestPorts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@Import(PortfolioTestPorts.class)
class PortfolioIT extends IntegrationTest {
    @Autowired
    InMemoryHoldings holdings;
    @Autowired
    InMemoryPrices prices;
    @Autowired
    InMemoryFills fills;
    @Autowired
    DailyValueStore store;
    @Autowired
    DailySnapshotJob job;
    @Autowired
    JdbcClient jdbc;

    private TestApi api;
    private TestApi.Session trader;

    @BeforeEach
    void signIn() {
        api = new TestApi(port);
        trader = api.newTrader();
        prices.traded("BTC", new BigDecimal("250.00"), new BigDecimal("240.00"));
        prices.referenceOnly("ETH", new BigDecimal("2000.00"));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void portfolioHasTheApiShapeWithDecimalStrings() {
        UUID user = trader.userId();
        holdings.set(user, "BTC", "4.00000000");
        holdings.set(user, "USD", "1000.50");
        holdings.set(user, "ETH", "0.5");
        List.of(fill("BTC-USD", Side.BUY, "100", "1", "1", "USD"),
                fill("BTC-USD", Side.BUY, "200", "3", "2", "USD"),
                fill("BTC-USD", Side.SELL, "300", "2", "3", "USD"),
                fill("BTC-USD", Side.BUY, "150", "2", "0.5", "USD")).forEach(f -> fills.add(user, f));

        TestApi.Response response = api.get("/api/v1/portfolio", trader.accessToken());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.propertyNames()).containsExactly("positions", "totalValue", "quoteAsset", "metrics");
        assertThat(body.get("quoteAsset").asString()).isEqualTo("USD");
        assertThat(body.get("totalValue").isString()).isTrue();
        assertThat(body.get("totalValue").asString()).isEqualTo("3000.50"); // 4 × 250 + 1000.50 + 0.5 × 2000

        JsonNode positions = body.get("positions");
        assertThat(positions.valueStream().map(p -> p.get("asset").asString())).containsExactly("USD", "BTC", "ETH");
        JsonNode btc = positions.get(1);
        assertThat(btc.propertyNames()).containsExactly("asset", "quantity", "price", "marketValue", "averageCost",
                "unrealizedPnl", "realizedPnl");
        assertThat(btc.get("quantity").asString()).isEqualTo("4.00000000");
        assertThat(btc.get("price").asString()).isEqualTo("250.00");
        assertThat(btc.get("marketValue").asString()).isEqualTo("1000.00");
        assertThat(btc.get("averageCost").asString()).isEqualTo("163.00000000"); // AverageCostBookTest
        assertThat(btc.get("unrealizedPnl").asString()).isEqualTo("348.00");    // (250 − 163) × 4
        assertThat(btc.get("realizedPnl").asString()).isEqualTo("245.50");
        for (String field : List.of("quantity", "price", "marketValue", "averageCost", "unrealizedPnl")) {
            assertThat(btc.get(field).isString()).as(field).isTrue();
        }
        JsonNode eth = positions.get(2);
        assertThat(eth.get("averageCost").isNull()).as("no fills: unknown, but present").isTrue();
        assertThat(eth.get("unrealizedPnl").isNull()).isTrue();

        JsonNode metrics = body.get("metrics");
        assertThat(metrics.propertyNames()).contains("volatility", "var95", "sharpeRatio");
        assertThat(metrics.get("volatility").isNull()).as("not enough history").isTrue();
        assertThat(metrics.get("var95").isNull()).isTrue();
        assertThat(metrics.get("sharpeRatio").isNull()).isTrue();
        assertThat(metrics.get("observations").asInt()).isZero();
    }

    /*
     * Stored closes for the 20 days before today alternate 100, 125, 100, … (oldest 100) and today's
     * value is 100 USD: 21 values, 20 returns of +0.25 / −0.2 (RiskMetricsTest.metricsFromAValueSeries):
     * volatility 4.410290, VaR 0.2 × 100 = 20.00, Sharpe 2.069025.
     */
    @Test
    void metricsComeFromStoredClosesAndTheCurrentValue() {
        UUID user = trader.userId();
        holdings.set(user, "USD", "100");
        for (int i = 0; i < 20; i++) {
            store.record(user, today().minusDays(20 - i), new BigDecimal(i % 2 == 0 ? "100" : "125"));
        }

        JsonNode metrics = api.get("/api/v1/portfolio", trader.accessToken()).json().get("metrics");

        assertThat(metrics.get("volatility").asString()).isEqualTo("4.410290");
        assertThat(metrics.get("var95").asString()).isEqualTo("20.00");
        assertThat(metrics.get("sharpeRatio").asString()).isEqualTo("2.069025");
        assertThat(metrics.get("observations").asInt()).isEqualTo(20);
    }

    @Test
    void historyListsClosesThenTodaysValue() {
        UUID user = trader.userId();
        holdings.set(user, "BTC", "2");
        store.record(user, today().minusDays(3), new BigDecimal("480.123456"));
        store.record(user, today().minusDays(2), new BigDecimal("490"));
        store.record(user, today().minusDays(1), new BigDecimal("495.555"));

        TestApi.Response response = api.get("/api/v1/portfolio/history?days=3", trader.accessToken());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode points = response.json();
        assertThat(points).hasSize(3);
        assertThat(points.get(0).get("day").asString()).isEqualTo(today().minusDays(2).toString());
        assertThat(points.get(0).get("value").asString()).isEqualTo("490.00");
        assertThat(points.get(1).get("value").asString()).isEqualTo("495.56"); // half-even of 495.555
        assertThat(points.get(2).get("day").asString()).isEqualTo(today().toString());
        assertThat(points.get(2).get("value").asString()).isEqualTo("500.00"); // 2 × 250 now

        assertThat(api.get("/api/v1/portfolio/history", trader.accessToken()).json()).hasSize(4); // default 90 days
        for (String days : List.of("0", "3651", "abc")) {
            TestApi.Response bad = api.get("/api/v1/portfolio/history?days=" + days, trader.accessToken());
            assertThat(bad.status()).as(days).isEqualTo(400);
            assertThat(bad.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        }
    }

    @Test
    void dailySnapshotRecordsOneValuePerUserAndDay() {
        UUID user = trader.userId();
        UUID other = UUID.randomUUID();
        holdings.set(user, "BTC", "1");
        holdings.set(user, "USD", "50");
        holdings.set(other, "USD", "7");
        LocalDate day = LocalDate.parse("2020-01-15"); // a day no other test uses

        DailySnapshotJob.Outcome first = job.snapshot(day);
        holdings.set(user, "BTC", "3"); // the value changes; the day's value must not
        DailySnapshotJob.Outcome second = job.snapshot(day);

        assertThat(first.recorded()).isGreaterThanOrEqualTo(2);
        assertThat(first.failed()).isZero();
        assertThat(second.recorded()).isZero();
        assertThat(second.skipped()).isEqualTo(first.recorded() + first.skipped());
        assertThat(store.between(user, day, day.plusDays(1))).containsExactly(
                new DailyValue(day, new BigDecimal("300.00000000"))); // 250 + 50, stored with 8 decimals
        assertThat(store.record(user, day, new BigDecimal("1"))).as("at most once per user and day").isFalse();
        int rows = jdbc.sql("SELECT count(*) FROM portfolio_daily_values WHERE user_id = ? AND day = ?")
                .params(user, day).query(Integer.class).single();
        assertThat(rows).isEqualTo(1);

        holdings.set(user, "BTC", "0");
        holdings.set(user, "USD", "0");
        assertThat(job.snapshot(day.plusDays(1)).recorded()).as("the other user still holds USD")
                .isGreaterThanOrEqualTo(1);
        assertThat(store.between(user, day.plusDays(1), day.plusDays(2))).isEmpty();
    }

    @Test
    void requiresAnAccessToken() {
        TestApi.Response response = api.get("/api/v1/portfolio", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void openApiDescribesTheEndpoints() {
        JsonNode doc = api.get("/v3/api-docs", null).json();
        JsonNode get = doc.path("paths").path("/api/v1/portfolio").path("get");
        assertThat(get.path("security").toString()).contains("bearerAuth");
        assertThat(get.path("tags").toString()).contains("Portfolio");
        assertThat(get.path("responses").path("200").toString()).contains("sharpeRatio", "unrealizedPnl");
        assertThat(get.path("responses").path("503").path("content").has("application/problem+json")).isTrue();
        JsonNode history = doc.path("paths").path("/api/v1/portfolio/history").path("get");
        assertThat(history.path("parameters").toString()).contains("days");
        assertThat(history.path("responses").has("503")).isTrue();
    }
}
