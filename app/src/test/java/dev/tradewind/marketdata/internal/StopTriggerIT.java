package dev.tradewind.marketdata.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradewind.engine.marketdata.InstrumentScale;
import dev.tradewind.engine.marketdata.ReferencePriceUpdated;
import dev.tradewind.engine.marketdata.TakerSide;
import dev.tradewind.engine.marketdata.TradeReported;
import dev.tradewind.identity.TestApi.Response;
import dev.tradewind.identity.TestApi.Session;
import dev.tradewind.trading.TradingApi;
import dev.tradewind.trading.TradingIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Without a feed, reference prices handed to the pipeline (as a feed would) reach the engine and
 * trigger stop orders; feed trades are not reference prices for the synthetic/replay kinds.
 */
@TestPropertySource(properties = {"tradewind.marketdata.feed=none", "tradewind.marketdata.reference.min-interval=20ms"})
class StopTriggerIT extends TradingIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MarketDataRuntime runtime;

    @Test
    void aReferenceMoveTriggersAStopOrder() {
        InstrumentScale btc = runtime.live().orElseThrow().symbols().scale("BTC-USD");
        int engineId = engine.query(m -> m.instrument("BTC-USD").orElseThrow().id());
        reference(btc, "60000.00");
        await().atMost(WAIT).until(() -> engine.query(m -> m.market(engineId).orElseThrow().referencePrice())
                == btc.ticks(new BigDecimal("60000.00")));

        Session bidder = api.fundedTrader("USD", "100000");
        api.placed(bidder, TradingApi.limit("BTC-USD", "BUY", "0.01000", "48000.00"));
        Session stopper = api.fundedTrader("BTC", "1");
        Map<String, Object> stop = new LinkedHashMap<>();
        stop.put("symbol", "BTC-USD");
        stop.put("side", "SELL");
        stop.put("type", "STOP_MARKET");
        stop.put("timeInForce", "IOC");
        stop.put("quantity", "0.01000");
        stop.put("stopPrice", "50000.00");
        JsonNode order = api.placed(stopper, stop);
        assertThat(order.get("status").asString()).isEqualTo("PENDING_TRIGGER");
        String path = "/api/v1/orders/" + order.get("orderId").asLong();

        reference(btc, "55000.00"); // above the stop: nothing happens
        await().atMost(WAIT).until(() -> engine.query(m -> m.market(engineId).orElseThrow().referencePrice())
                == btc.ticks(new BigDecimal("55000.00")));
        assertThat(api.get(stopper, path).json().get("status").asString()).isEqualTo("PENDING_TRIGGER");

        reference(btc, "49900.00"); // crosses the stop: it sells into the bid at 48,000
        await().atMost(WAIT).untilAsserted(() -> {
            Response r = api.get(stopper, path);
            assertThat(r.json().get("status").asString()).as(r.body()).isEqualTo("FILLED");
            assertThat(r.json().get("averageFillPrice").asString()).startsWith("48000");
        });
        JsonNode ticker = api.get(null, "/api/v1/markets/BTC-USD/ticker").json();
        assertThat(ticker.get("referencePrice").asString()).isEqualTo("49900.00");
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.get(null, "/api/v1/markets/BTC-USD/ticker").json().get("last").asString())
                        .isEqualTo("48000.00"));
    }

    @Test
    void feedTradesAreNotReferencePricesWhenTheFeedHasReferenceTicks() {
        InstrumentScale eth = runtime.live().orElseThrow().symbols().scale("ETH-USD");
        int engineId = engine.query(m -> m.instrument("ETH-USD").orElseThrow().id());
        long before = engine.query(m -> m.market(engineId).orElseThrow().referencePrice());
        runtime.sink().orElseThrow().onUpdate(new TradeReported("ETH-USD", eth.ticks(new BigDecimal("3100.00")),
                eth.lots(new BigDecimal("1")), TakerSide.BUY, "test", 1, 0, System.currentTimeMillis()));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.get(null, "/api/v1/markets/ETH-USD/ticker").json().get("last").asString())
                        .isEqualTo("3100.00"));
        assertThat(engine.<Long>query(m -> m.market(engineId).orElseThrow().referencePrice())).isEqualTo(before);
    }

    private void reference(InstrumentScale scale, String price) {
        runtime.sink().orElseThrow().onUpdate(new ReferencePriceUpdated(scale.symbol(), scale.ticks(new BigDecimal(price)),
                "test", System.currentTimeMillis()));
    }
}
