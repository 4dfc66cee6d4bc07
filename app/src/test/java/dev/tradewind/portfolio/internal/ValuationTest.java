package dev.tradewind.portfolio.internal;

import static dev.tradewind.portfolio.internal.AverageCostBookTest.fill;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.portfolio.Fill.Side;
import dev.tradewind.portfolio.InMemoryPrices;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuationTest {

    @Test
    void positionsAreValuedWithAverageCostAndUnrealizedPnl() {
        InMemoryPrices prices = new InMemoryPrices();
        prices.traded("BTC", new BigDecimal("250"), new BigDecimal("240"));
        prices.referenceOnly("ETH", new BigDecimal("2000"));
        Map<String, AssetCost> costs = AverageCostBook.of(List.of(
                fill("BTC-USD", Side.BUY, "100", "1", "1", "USD"),
                fill("BTC-USD", Side.BUY, "200", "3", "2", "USD"),
                fill("BTC-USD", Side.SELL, "300", "2", "3", "USD"),
                fill("BTC-USD", Side.BUY, "150", "2", "0.5", "USD"))); // 4 BTC at an average of 163 (AverageCostBookTest)

        Valuation valuation = Valuation.of(Map.of(
                "BTC", new BigDecimal("4"),
                "USD", new BigDecimal("1000.50"),
                "ETH", new BigDecimal("0.5"),     // deposited, never bought: no average cost
                "DOGE", new BigDecimal("100"),    // no USD price at all
                "SOL", BigDecimal.ZERO), prices, costs);

        assertThat(valuation.positions()).extracting(Position::asset).containsExactly("USD", "BTC", "ETH", "DOGE");
        Position btc = valuation.positions().get(1);
        assertThat(btc.price()).isEqualByComparingTo("250"); // last price, not the reference
        assertThat(btc.marketValue()).isEqualByComparingTo("1000"); // 4 × 250
        assertThat(btc.averageCost()).isEqualByComparingTo("163");
        assertThat(btc.unrealizedPnl()).isEqualByComparingTo("348"); // (250 − 163) × 4
        assertThat(btc.realizedPnl()).isEqualByComparingTo("245.5");

        Position usd = valuation.positions().get(0);
        assertThat(usd.marketValue()).isEqualByComparingTo("1000.50");
        assertThat(usd.averageCost()).isEqualByComparingTo("1");
        assertThat(usd.unrealizedPnl()).isEqualByComparingTo("0");

        Position eth = valuation.positions().get(2);
        assertThat(eth.price()).isEqualByComparingTo("2000"); // reference price before the first trade
        assertThat(eth.marketValue()).isEqualByComparingTo("1000");
        assertThat(eth.averageCost()).isNull();
        assertThat(eth.unrealizedPnl()).isNull();

        Position doge = valuation.positions().get(3);
        assertThat(doge.price()).isNull();
        assertThat(doge.marketValue()).isNull();

        // 1000 + 1000.50 + 1000; DOGE has no price and is left out
        assertThat(valuation.totalValue()).isEqualByComparingTo("3000.50");
        assertThat(Valuation.total(Map.of("BTC", new BigDecimal("4"), "USD", new BigDecimal("1000.50")), prices))
                .isEqualByComparingTo("2000.50");
    }

    @Test
    void responseRoundsMoneyToCentsAndAverageCostToEightDecimals() {
        Position position = new Position("ETH", new BigDecimal("0.97"), new BigDecimal("12.345"),
                new BigDecimal("11.97465"), new BigDecimal("10.101010101010101"), new BigDecimal("2.17667"),
                new BigDecimal("1.797979797"));
        PortfolioResponse.PositionResponse response = PortfolioResponse.PositionResponse.of(position);
        assertThat(response.marketValue()).isEqualTo(new BigDecimal("11.97"));
        assertThat(response.averageCost()).isEqualTo(new BigDecimal("10.10101010"));
        assertThat(response.unrealizedPnl()).isEqualTo(new BigDecimal("2.18"));
        assertThat(response.realizedPnl()).isEqualTo(new BigDecimal("1.80"));
        assertThat(response.quantity()).isEqualTo(new BigDecimal("0.97"));
        assertThat(response.price()).isEqualTo(new BigDecimal("12.345"));
    }
}
