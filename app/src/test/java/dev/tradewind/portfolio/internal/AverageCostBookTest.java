package dev.tradewind.portfolio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.portfolio.Fill;
import dev.tradewind.portfolio.Fill.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AverageCostBookTest {
    private static Instant time = Instant.parse("2026-03-01T10:00:00Z");

    static Fill fill(String symbol, Side side, String price, String quantity, String fee, String feeAsset) {
        String[] assets = symbol.split("-");
        time = time.plusSeconds(60);
        return new Fill(symbol, assets[0], assets[1], side, new BigDecimal(price), new BigDecimal(quantity),
                new BigDecimal(fee), feeAsset, time);
    }

    private static void assertDecimal(BigDecimal actual, String expected) {
        assertThat(actual).as("expected %s, was %s", expected, actual).isEqualByComparingTo(expected);
    }

    @Test
    void buysAverageTheirCostIncludingUsdFeesAndSellsKeepTheAverage() {
        List<Fill> fills = new ArrayList<>(List.of(
                // qty 1, cost 100·1 + 1 = 101
                fill("BTC-USD", Side.BUY, "100", "1", "1", "USD"),
                // qty 4, cost 101 + 200·3 + 2 = 703, average 703 / 4 = 175.75
                fill("BTC-USD", Side.BUY, "200", "3", "2", "USD"),
                // proceeds 300·2 − 3 = 597, out at 175.75·2 = 351.5: realized 245.5; qty 2, cost 351.5
                fill("BTC-USD", Side.SELL, "300", "2", "3", "USD")));

        AssetCost afterSell = AverageCostBook.of(fills).get("BTC");
        assertDecimal(afterSell.quantity(), "2");
        assertDecimal(afterSell.cost(), "351.5");
        assertDecimal(afterSell.averageCost(), "175.75");
        assertDecimal(afterSell.realizedPnl(), "245.5");

        // qty 4, cost 351.5 + 150·2 + 0.5 = 652, average 163
        fills.add(fill("BTC-USD", Side.BUY, "150", "2", "0.5", "USD"));
        AssetCost afterRebuy = AverageCostBook.of(fills).get("BTC");
        assertDecimal(afterRebuy.quantity(), "4");
        assertDecimal(afterRebuy.averageCost(), "163");
        assertDecimal(afterRebuy.realizedPnl(), "245.5");

        // closing at a loss: 100·4 − 652 = −252; realized 245.5 − 252 = −6.5; nothing left, no average
        fills.add(fill("BTC-USD", Side.SELL, "100", "4", "0", "USD"));
        AssetCost closed = AverageCostBook.of(fills).get("BTC");
        assertDecimal(closed.quantity(), "0");
        assertDecimal(closed.cost(), "0");
        assertThat(closed.averageCost()).isNull();
        assertDecimal(closed.realizedPnl(), "-6.5");
    }

    @Test
    void feesInTheBaseAssetReduceWhatIsReceivedOrAddToWhatLeaves() {
        Map<String, AssetCost> costs = AverageCostBook.of(List.of(
                // receives 2 − 0.02 = 1.98 ETH for 20 USD: average 20 / 1.98 = 10.1010101010…
                fill("ETH-USD", Side.BUY, "10", "2", "0.02", "ETH"),
                // 1 + 0.01 = 1.01 ETH leave at 10.1010…: cost out 10.2020…; proceeds 12: realized 1.7979…
                fill("ETH-USD", Side.SELL, "12", "1", "0.01", "ETH")));

        AssetCost eth = costs.get("ETH");
        assertDecimal(eth.quantity(), "0.97");
        assertThat(Decimals.price(eth.averageCost())).isEqualByComparingTo("10.10101010");
        assertThat(Decimals.money(eth.realizedPnl())).isEqualByComparingTo("1.80"); // 1.797979…
        assertThat(Decimals.price(eth.cost())).isEqualByComparingTo("9.79797980"); // 20 − 10.2020…
    }

    @Test
    void sellingMoreThanFillsBoughtClosesAtZeroAndCountsOnlyTheCoveredPart() {
        AssetCost sol = AverageCostBook.of(List.of(
                fill("SOL-USD", Side.BUY, "10", "1", "0", "USD"),
                // 3 leave but fills bought 1: proceeds (60 − 3)·1/3 = 19 against cost 10 → realized 9
                fill("SOL-USD", Side.SELL, "20", "3", "3", "USD"),
                // nothing left to sell against: ignored
                fill("SOL-USD", Side.SELL, "20", "1", "0", "USD"))).get("SOL");

        assertDecimal(sol.quantity(), "0");
        assertDecimal(sol.realizedPnl(), "9");
        assertThat(sol.averageCost()).isNull();
    }

    @Test
    void feesInAThirdAssetAreNotCounted() {
        AssetCost btc = AverageCostBook.of(List.of(fill("BTC-USD", Side.BUY, "100", "1", "5", "TWD"))).get("BTC");
        assertDecimal(btc.averageCost(), "100");
    }

    @Test
    void fillsNotQuotedInUsdMakeBothAssetsUnknown() {
        Map<String, AssetCost> costs = AverageCostBook.of(List.of(
                fill("BTC-USD", Side.BUY, "100", "1", "0", "USD"),
                fill("ETH-BTC", Side.BUY, "0.05", "1", "0", "BTC")));

        assertThat(costs.get("ETH").known()).isFalse();
        assertThat(costs.get("BTC").known()).isFalse();
        assertThat(costs.get("BTC").averageCost()).isNull();
    }
}
