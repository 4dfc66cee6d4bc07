package dev.tradewind.portfolio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradewind.identity.TestApi.Response;
import dev.tradewind.identity.TestApi.Session;
import dev.tradewind.trading.TradingApi;
import dev.tradewind.trading.TradingIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The portfolio end to end on the real ports: two users trade BTC-USD with each other over the API
 * (default fees: maker 10 bps, taker 20 bps, in USD), and the positions, average cost, P&amp;L and risk
 * metrics match figures worked out by hand below.
 */
class PortfolioTradingIT extends TradingIntegrationTest {
    @Autowired
    DailyValueStore store;
    @Autowired
    DailySnapshotJob job;

    /*
     * A: 100000 USD.  B: 2 BTC + 100000 USD.
     * 1. B rests SELL 1 @ 30000, A buys (taker): A pays 30000 + 60 fee.
     * 2. B rests SELL 0.5 @ 32000, A buys (taker): A pays 16000 + 32 fee.
     *    A: 1.5 BTC at cost 46092 → average cost 30728.
     * 3. A rests SELL 0.5 @ 34000 (maker, fee 17), B buys: A gets 17000 − 17;
     *    the 0.5 leaves at 30728: realized = 17000 − 17 − 15364 = 1619; average cost stays 30728.
     * A holds 1 BTC and 100000 − 30060 − 16032 + 16983 = 70891 USD. Last price 34000:
     *    BTC market value 34000, unrealized (34000 − 30728) × 1 = 3272, total 104891.
     * B: sold 1.5 BTC it got by deposit (no cost basis: no realized P&L), then bought 0.5 @ 34000 + 34
     *    fee (taker 20 bps) → average cost 34068; holds 1 BTC, assumed at that cost:
     *    unrealized (34000 − 34068) × 1 = −68; USD 100000 + 29970 + 15984 − 17034 = 128920; total 162920.
     */
    @Test
    void positionsCostAndPnlAfterRealTrades() {
        Session a = api.fundedTrader("USD", "100000");
        Session b = api.fundedTrader("BTC", "2", "USD", "100000");
        api.placed(b, TradingApi.limit("BTC-USD", "SELL", "1.00000", "30000.00"));
        api.placed(a, TradingApi.limit("BTC-USD", "BUY", "1.00000", "30000.00"));
        api.placed(b, TradingApi.limit("BTC-USD", "SELL", "0.50000", "32000.00"));
        api.placed(a, TradingApi.limit("BTC-USD", "BUY", "0.50000", "32000.00"));
        api.placed(a, TradingApi.limit("BTC-USD", "SELL", "0.50000", "34000.00"));
        api.placed(b, TradingApi.limit("BTC-USD", "BUY", "0.50000", "34000.00"));
        awaitLastPrice("34000.00");

        JsonNode portfolio = portfolio(a);
        assertThat(portfolio.get("totalValue").asString()).isEqualTo("104891.00");
        JsonNode positions = portfolio.get("positions");
        assertThat(positions.valueStream().map(p -> p.get("asset").asString())).containsExactly("USD", "BTC");
        JsonNode usd = positions.get(0);
        assertThat(new BigDecimal(usd.get("quantity").asString())).isEqualByComparingTo("70891");
        assertThat(usd.get("marketValue").asString()).isEqualTo("70891.00");
        JsonNode btc = positions.get(1);
        assertThat(new BigDecimal(btc.get("quantity").asString())).isEqualByComparingTo("1");
        assertThat(btc.get("price").asString()).isEqualTo("34000.00");
        assertThat(btc.get("marketValue").asString()).isEqualTo("34000.00");
        assertThat(btc.get("averageCost").asString()).isEqualTo("30728.00000000");
        assertThat(btc.get("unrealizedPnl").asString()).isEqualTo("3272.00");
        assertThat(btc.get("realizedPnl").asString()).isEqualTo("1619.00");

        JsonNode other = portfolio(b);
        assertThat(other.get("totalValue").asString()).isEqualTo("162920.00");
        JsonNode otherBtc = other.get("positions").valueStream().filter(p -> p.get("asset").asString().equals("BTC"))
                .findFirst().orElseThrow();
        assertThat(otherBtc.get("averageCost").asString()).isEqualTo("34068.00000000");
        assertThat(otherBtc.get("unrealizedPnl").asString()).isEqualTo("-68.00");
    }

    /*
     * Closes of the 19 days before yesterday (below), yesterday's close recorded by the snapshot job from
     * the live valuation (104891, A's value above), and today's current value 104891: 21 values,
     * 20 daily returns. Worked out with the documented formulas (sample standard deviation, √365, nearest
     * rank): volatility 0.278912, Sharpe 3.260134 (risk-free 0), and the worst return,
     * 99800 / 101500 − 1 = −0.0167488, is the 5th percentile (k = ⌈0.05 × 20⌉ = 1): VaR = 0.0167488 × 104891
     * = 1756.80.
     */
    @Test
    void metricsFromDailyValuesOfARealPortfolio() {
        Session a = api.fundedTrader("USD", "100000");
        Session b = api.fundedTrader("BTC", "2", "USD", "100000");
        api.placed(b, TradingApi.limit("BTC-USD", "SELL", "1.00000", "30000.00"));
        api.placed(a, TradingApi.limit("BTC-USD", "BUY", "1.00000", "30000.00"));
        api.placed(b, TradingApi.limit("BTC-USD", "SELL", "0.50000", "32000.00"));
        api.placed(a, TradingApi.limit("BTC-USD", "BUY", "0.50000", "32000.00"));
        api.placed(a, TradingApi.limit("BTC-USD", "SELL", "0.50000", "34000.00"));
        api.placed(b, TradingApi.limit("BTC-USD", "BUY", "0.50000", "34000.00"));
        awaitLastPrice("34000.00");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Integer> closes = List.of(100000, 101500, 99800, 102300, 101000, 103200, 102500, 101900, 104000, 103100,
                105200, 104400, 103000, 104800, 106000, 104900, 103700, 105500, 104200);
        for (int i = 0; i < closes.size(); i++) {
            store.record(a.userId(), today.minusDays(20 - i), new BigDecimal(closes.get(i)));
        }
        DailySnapshotJob.Outcome outcome = job.snapshot(today.minusDays(1));
        assertThat(outcome.failed()).isZero();
        assertThat(store.between(a.userId(), today.minusDays(1), today))
                .containsExactly(new DailyValue(today.minusDays(1), new BigDecimal("104891.00000000")));

        JsonNode metrics = portfolio(a).get("metrics");
        assertThat(metrics.get("observations").asInt()).isEqualTo(20);
        assertThat(metrics.get("volatility").asString()).isEqualTo("0.278912");
        assertThat(metrics.get("sharpeRatio").asString()).isEqualTo("3.260134");
        assertThat(metrics.get("var95").asString()).isEqualTo("1756.80");

        JsonNode history = api.get(a, "/api/v1/portfolio/history?days=3").json();
        assertThat(history.valueStream().map(p -> p.get("value").asString()))
                .containsExactly("104200.00", "104891.00", "104891.00")
                .hasSize(3);
        assertThat(history.get(0).get("day").asString()).isEqualTo(today.minusDays(2).toString());
    }

    private JsonNode portfolio(Session trader) {
        Response response = api.get(trader, "/api/v1/portfolio");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Market data sees the engine's trades asynchronously; the portfolio values at its last price. */
    private void awaitLastPrice(String price) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode last = api.get(null, "/api/v1/markets/BTC-USD/ticker").json().get("last");
            return last != null && !last.isNull() && new BigDecimal(last.asString()).compareTo(new BigDecimal(price)) == 0;
        });
    }
}
