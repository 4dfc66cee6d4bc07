package dev.tradewind.engine.marketdata;

import static dev.tradewind.engine.marketdata.TestInstruments.SYMBOLS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.engine.marketdata.feed.FeedGap;
import dev.tradewind.engine.marketdata.feed.GbmParameters;
import dev.tradewind.engine.marketdata.feed.SyntheticFeed;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MarketDataRunnerTest {
    @Test
    void syntheticFeedDrivesThePipelineThroughTheRunner() throws Exception {
        MarketDataPipeline pipeline = MarketDataPipeline.builder(SYMBOLS).build();
        List<FeedGap> gaps = new CopyOnWriteArrayList<>();
        try (MarketDataRunner runner = new MarketDataRunner(pipeline, 1024, System::currentTimeMillis, 100, gaps::add, s -> {
        }).start();
             SyntheticFeed feed = new SyntheticFeed(SYMBOLS,
                     List.of(GbmParameters.demo("BTC-USD", 42_000, 500, 100), GbmParameters.demo("ETH-USD", 3_000, 500, 100)),
                     42, System::currentTimeMillis)) {
            feed.start(runner);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((pipeline.ticker("BTC-USD").orElseThrow().last() == 0 || pipeline.ticker("ETH-USD").orElseThrow().bid() == 0)
                    && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Ticker btc = pipeline.ticker("BTC-USD").orElseThrow();
            assertThat(btc.last()).isBetween(4_000_000L, 4_400_000L);
            assertThat(btc.timestamp()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(5_000L));
            assertThat(pipeline.ticker("ETH-USD").orElseThrow().bid()).isPositive();

            runner.onGap(new FeedGap("test", "BTC-USD", "trade_id", 5, 8, 0));
            assertThat(runner.gaps()).isEqualTo(1);
            assertThat(gaps).singleElement().satisfies(g -> assertThat(g.missed()).isEqualTo(3));

            List<String> ran = new CopyOnWriteArrayList<>();
            runner.execute(() -> ran.add(Thread.currentThread().getName()));
            while (ran.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(ran).containsExactly("marketdata-pipeline");
        }
    }

    @Test
    void liveUpdatesFromTheFutureAreSkipped() throws Exception {
        MarketDataPipeline pipeline = MarketDataPipeline.builder(SYMBOLS).build();
        long now = System.currentTimeMillis();
        try (MarketDataRunner runner = new MarketDataRunner(pipeline, 64, () -> now, 100, g -> {
        }, s -> {
        }).start()) {
            runner.onUpdate(new ReferencePriceUpdated("ETH-USD", 100, "x", now + 3_600_000));
            runner.onUpdate(new ReferencePriceUpdated("ETH-USD", 200, "x", now));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pipeline.ticker("ETH-USD").orElseThrow().referencePrice() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertThat(pipeline.ticker("ETH-USD").orElseThrow().referencePrice()).isEqualTo(200);
            assertThat(pipeline.rejections().count(RejectReason.BAD_TIMESTAMP)).isEqualTo(1);
        }
    }
}
