package dev.tradewind.marketdata.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradewind.engine.marketdata.InstrumentScale;
import dev.tradewind.engine.marketdata.ReferencePriceUpdated;
import dev.tradewind.identity.TestApi.Session;
import dev.tradewind.portfolio.PriceSource;
import dev.tradewind.portfolio.PriceSourceContract;
import dev.tradewind.trading.TradingApi;
import dev.tradewind.trading.TradingIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Market data's {@link PriceSource} on the running app: the last price comes from a real trade of two
 * users on the engine, reference prices through the feed's sink. A context of its own (no other test
 * trades ETH-USD here, which the reference-only case needs).
 */
@TestPropertySource(properties = "tradewind.marketdata.feed=none")
class MarketPriceSourceIT extends TradingIntegrationTest {
    @Autowired
    PriceSource prices;
    @Autowired
    MarketDataRuntime runtime;
    @Autowired
    MarketQueries queries;

    @Nested
    class MarketPriceSourceContract extends PriceSourceContract {
        @Override
        protected PriceSource source() {
            assertThat(prices).isInstanceOf(MarketPriceSource.class);
            return prices;
        }

        @Override
        protected void givenTraded(String asset, BigDecimal lastPrice, BigDecimal referencePrice) {
            String symbol = asset + "-USD";
            reference(symbol, referencePrice);
            Session seller = api.fundedTrader(asset, "1");
            Session buyer = api.fundedTrader("USD", lastPrice.multiply(new BigDecimal("0.02")).toPlainString());
            api.placed(seller, TradingApi.limit(symbol, "SELL", "0.01000", lastPrice.toPlainString()));
            api.placed(buyer, TradingApi.limit(symbol, "BUY", "0.01000", lastPrice.toPlainString()));
            await().atMost(Duration.ofSeconds(20)).until(() -> lastPrice.compareTo(orZero(queries.ticker(symbol).last())) == 0);
        }

        @Override
        protected void givenReferenceOnly(String asset, BigDecimal referencePrice) {
            String symbol = asset + "-USD";
            assertThat(queries.ticker(symbol).last()).as("%s must not have traded in this context", symbol).isNull();
            reference(symbol, referencePrice);
        }
    }

    private void reference(String symbol, BigDecimal price) {
        InstrumentScale scale = runtime.live().orElseThrow().symbols().scale(symbol);
        runtime.sink().orElseThrow().onUpdate(new ReferencePriceUpdated(symbol, scale.ticks(price), "test",
                System.currentTimeMillis()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> price.compareTo(orZero(queries.ticker(symbol).referencePrice())) == 0);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
