package dev.tradewind.marketdata.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradewind.engine.result.OrderSnapshot;
import dev.tradewind.identity.TestApi.Response;
import dev.tradewind.identity.TestApi.Session;
import dev.tradewind.trading.TradingApi;
import dev.tradewind.trading.TradingIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Demo mode: the market maker quotes both sides of every instrument and a marketable order fills against it. */
@TestPropertySource(properties = {
        "tradewind.demo=true",
        "tradewind.marketdata.synthetic.updates-per-second=50",
        "tradewind.marketdata.reference.min-interval=20ms",
        "tradewind.marketdata.market-maker.interval=50ms"})
class DemoMarketIT extends TradingIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    DemoMarketMaker marketMaker;

    @Test
    void quotesBothSidesOfEveryInstrumentAndAMarketOrderFills() {
        for (String symbol : List.of("BTC-USD", "ETH-USD", "SOL-USD", "AAPL-USD")) {
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode book = book(symbol);
                assertThat(book.get("bids").size()).as(symbol).isGreaterThanOrEqualTo(5);
                assertThat(book.get("asks").size()).as(symbol).isGreaterThanOrEqualTo(5);
                BigDecimal bestBid = new BigDecimal(book.get("bids").get(0).get(0).asString());
                BigDecimal bestAsk = new BigDecimal(book.get("asks").get(0).get(0).asString());
                assertThat(bestBid).as(symbol).isLessThan(bestAsk);
            });
        }
        long account = marketMaker.account();
        List<OrderSnapshot> own = engine.query(m -> m.openOrders(account));
        long highestBid = own.stream().filter(o -> o.side() == dev.tradewind.engine.order.Side.BUY
                && o.instrumentId() == 0).mapToLong(OrderSnapshot::price).max().orElse(0);
        long lowestAsk = own.stream().filter(o -> o.side() == dev.tradewind.engine.order.Side.SELL
                && o.instrumentId() == 0).mapToLong(OrderSnapshot::price).min().orElse(Long.MAX_VALUE);
        assertThat(highestBid).as("its own quotes never cross").isLessThan(lowestAsk);

        Session trader = api.fundedTrader("USD", "100000");
        JsonNode order = api.placed(trader, TradingApi.market("BTC-USD", "BUY", "0.00100"));
        assertThat(order.get("status").asString()).as(order.toString()).isEqualTo("FILLED");
        assertThat(order.get("fills").size()).isGreaterThanOrEqualTo(1);

        Session seller = api.fundedTrader("ETH", "5");
        JsonNode sell = api.placed(seller, TradingApi.market("ETH-USD", "SELL", "0.0100"));
        assertThat(sell.get("status").asString()).as(sell.toString()).isEqualTo("FILLED");

        // replenished after the fill
        await().atMost(WAIT).untilAsserted(() -> assertThat(engine.query(m -> m.openOrders(account)).stream()
                .filter(o -> o.instrumentId() == 0 && o.filledQuantity() == 0).count()).isGreaterThanOrEqualTo(10));
        Response trades = api.get(null, "/api/v1/markets/BTC-USD/trades?limit=5");
        assertThat(trades.json().size()).isGreaterThanOrEqualTo(1);
    }

    private JsonNode book(String symbol) {
        Response r = api.get(null, "/api/v1/markets/" + symbol + "/book?depth=20");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
