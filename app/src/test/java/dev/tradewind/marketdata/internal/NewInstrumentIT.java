package dev.tradewind.marketdata.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradewind.engine.marketdata.ReferencePriceUpdated;
import dev.tradewind.identity.TestApi;
import dev.tradewind.identity.TestApi.Response;
import dev.tradewind.trading.TradingIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** An instrument listed while the app runs gets market data too (the setup is rebuilt with it). Same context as StopTriggerIT. */
@TestPropertySource(properties = {"tradewind.marketdata.feed=none", "tradewind.marketdata.reference.min-interval=20ms"})
class NewInstrumentIT extends TradingIntegrationTest {
    @Autowired
    MarketDataRuntime runtime;

    @Test
    void aNewlyListedInstrumentHasMarketData() {
        assertThat(api.get(null, "/api/v1/markets/SOL-ETH/ticker").status()).isEqualTo(404);
        Response added = api.raw().post("/api/v1/admin/instruments", TestApi.json(Map.of("symbol", "SOL-ETH",
                "baseAsset", "SOL", "quoteAsset", "ETH", "tickSize", "0.0001", "lotSize", "0.01", "minQuantity", "0.1")),
                api.admin().accessToken());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(null, "/api/v1/markets/SOL-ETH/ticker").status() == 200);

        var scale = runtime.live().orElseThrow().symbols().scale("SOL-ETH");
        runtime.sink().orElseThrow().onUpdate(new ReferencePriceUpdated("SOL-ETH", scale.ticks(new BigDecimal("0.0500")),
                "test", System.currentTimeMillis()));
        int engineId = engine.query(m -> m.instrument("SOL-ETH").orElseThrow().id());
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.query(m -> m.market(engineId).orElseThrow().referencePrice())
                == 500);
        assertThat(api.get(null, "/api/v1/markets/BTC-USD/book").status()).isEqualTo(200);
    }
}
