package dev.tradewind.marketdata.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradewind.engine.marketdata.InstrumentScale;
import dev.tradewind.engine.marketdata.MarketDataPipeline;
import dev.tradewind.engine.marketdata.MarketDataRunner;
import dev.tradewind.engine.marketdata.SymbolTable;
import dev.tradewind.engine.marketdata.Ticker;
import dev.tradewind.engine.marketdata.feed.GbmParameters;
import dev.tradewind.engine.marketdata.feed.MarketDataFeed;
import dev.tradewind.marketdata.MarketDataProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class FeedsTest {
    private static final SymbolTable SYMBOLS = SymbolTable.of(InstrumentScale.of("BTC-USD", "0.01", "0.00001"),
            InstrumentScale.of("ETH-USD", "0.01", "0.0001"), InstrumentScale.of("XYZ-USD", "0.01", "1"));

    @TempDir
    Path dir;

    static MarketDataProperties properties(Map<String, String> values) {
        Map<String, String> all = new HashMap<>();
        values.forEach((k, v) -> all.put("tradewind.marketdata." + k, v));
        return new Binder(new MapConfigurationPropertySource(all))
                .bindOrCreate("tradewind.marketdata", MarketDataProperties.class);
    }

    @Test
    void badReplayInputIsCountedAndSkippedAndThePipelineGoesOn() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, """
                time,type,symbol,price,quantity,side,bid,bidSize,ask,askSize,tradeId,venue
                1732420000000,trade,BTC-USD,60000.00,0.01000,buy,,,,,1,test
                1732420000001,trade,DOGE-USD,0.10,5,buy,,,,,2,test
                1732420000002,trade,BTC-USD,-5.00,0.01000,sell,,,,,3,test
                this is not csv at all
                1732420000003,trade,BTC-USD,60000.001,0.01000,sell,,,,,4,test
                1732420000004,quote,BTC-USD,,,,60010.00,1,60000.00,1,,test
                1732420000005,reference,BTC-USD,60001.50,,,,,,,,test
                1732420000006,trade,BTC-USD,60002.00,0.02000,sell,,,,,5,test
                """);
        MarketDataProperties properties = properties(Map.of("feed", "replay", "replay.file", file.toString(),
                "replay.speed", "0", "replay.loop", "false"));
        MarketDataPipeline pipeline = MarketDataPipeline.builder(SYMBOLS).build();
        try (MarketDataRunner runner = new MarketDataRunner(pipeline, 1024, System::currentTimeMillis, 50, g -> {
        }, s -> {
        }).start(); MarketDataFeed feed = Feeds.create(properties.feed(false), properties, SYMBOLS, new long[3], dir)) {
            feed.start(runner);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Ticker ticker = pipeline.ticker("BTC-USD").orElseThrow();
                assertThat(ticker.last()).isEqualTo(6_000_200);
                assertThat(ticker.referencePrice()).isEqualTo(6_000_150);
                assertThat(ticker.volume24h()).isEqualTo(3_000);
            });
            // unknown symbol, negative price, malformed line, over-precision, crossed quote
            await().atMost(Duration.ofSeconds(10)).until(() -> pipeline.rejections().total() == 5);
            assertThat(pipeline.ticker("BTC-USD").orElseThrow().timestamp())
                    .as("replayed updates carry the wall clock").isGreaterThan(1_800_000_000_000L - 10 * 365 * 86_400_000L);
        }
    }

    @Test
    void theFeedDefaultsToSyntheticInDemoModeOnly() {
        MarketDataProperties unset = properties(Map.of());
        assertThat(unset.feed(true)).isEqualTo(MarketDataProperties.FeedKind.SYNTHETIC);
        assertThat(unset.feed(false)).isEqualTo(MarketDataProperties.FeedKind.NONE);
        assertThat(properties(Map.of("feed", "binance")).feed(false)).isEqualTo(MarketDataProperties.FeedKind.BINANCE);
    }

    @Test
    void theBundledSampleIsTheDefaultReplayFile() {
        Path file = Feeds.replayFile(null, dir);
        assertThat(file).exists().startsWith(dir);
    }

    @Test
    void syntheticWalksStartAtTheEnginesPriceThenTheConfiguredOneThenADefault() {
        MarketDataProperties properties = properties(Map.of("synthetic.start-prices", "BTC=60000,ETH-USD=3000"));
        List<GbmParameters> gbm = Feeds.gbm(properties.synthetic(), SYMBOLS, new long[]{6_100_000, 0, 0});
        assertThat(gbm).extracting(GbmParameters::initialPrice).containsExactly(61_000.0, 3_000.0, 100.0);
        // about trade-notional (2000) worth of lots at most
        assertThat(gbm.get(0).maxLots()).isEqualTo(3278); // 2000 / (61000 × 0.00001)
        assertThat(gbm.get(2).maxLots()).isEqualTo(20);
    }
}
