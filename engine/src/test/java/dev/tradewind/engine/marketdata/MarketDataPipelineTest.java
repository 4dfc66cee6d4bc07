package dev.tradewind.engine.marketdata;

import static dev.tradewind.engine.marketdata.TestInstruments.SYMBOLS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.engine.marketdata.latency.LatencyAlert;
import dev.tradewind.engine.marketdata.latency.LatencyMonitor;
import dev.tradewind.engine.marketdata.latency.LatencyStage;
import dev.tradewind.engine.marketdata.trigger.StopTriggerIndex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MarketDataPipelineTest {
    private static final long T = 1_732_420_000_000L;

    private final RecordingLogger log = new RecordingLogger();
    private final AtomicLong clock = new AtomicLong();
    private final InputRejections rejections = new InputRejections(60_000_000_000L, clock::get, log);

    @Test
    void badInputIsCountedLoggedOncePerReasonAndSkipped() {
        MarketDataPipeline pipeline = MarketDataPipeline.builder(SYMBOLS).rejections(rejections).source("test").build();
        String lines = String.join("\n",
                "T,BTC-USD,100.00,1,B," + T,
                "{\"not\":\"a line\"}",
                "T,DOGE-USD,1,1,B," + T,
                "T,DOGE-USD,2,1,B," + T,
                "T,BTC-USD,-5,1,B," + T,
                "T,BTC-USD,NaN,1,B," + T,
                "T,BTC-USD,0,1,B," + T,
                "T,BTC-USD,1.001,1,B," + T,
                "",
                "T,BTC-USD,101.00,1,S," + (T + 1));
        byte[] bytes = lines.getBytes(StandardCharsets.US_ASCII);
        assertThat(pipeline.onLines(bytes, 0, bytes.length)).isEqualTo(2);
        assertThat(pipeline.accepted()).isEqualTo(2);
        assertThat(rejections.counts()).containsOnly(
                java.util.Map.entry(RejectReason.MALFORMED, 2L),
                java.util.Map.entry(RejectReason.UNKNOWN_SYMBOL, 2L),
                java.util.Map.entry(RejectReason.NON_POSITIVE_PRICE, 2L),
                java.util.Map.entry(RejectReason.MALFORMED_NUMBER, 1L),
                java.util.Map.entry(RejectReason.OVER_PRECISION, 1L));
        assertThat(log.lines).hasSize(5).allSatisfy(l -> assertThat(l).startsWith("WARNING"));
        assertThat(log.lines).anySatisfy(l -> assertThat(l).contains("UNKNOWN_SYMBOL", "T,DOGE-USD,1,1,B"));
        assertThat(pipeline.ticker("BTC-USD").orElseThrow().last()).isEqualTo(10_100);

        // the same reasons again: counted, not logged until the interval passed
        pipeline.onLine("T,DOGE-USD,1,1,B," + T);
        assertThat(log.lines).hasSize(5);
        clock.addAndGet(61_000_000_000L);
        pipeline.onLine("T,DOGE-USD,1,1,B," + T);
        assertThat(log.lines).hasSize(6);
        assertThat(log.lines.getLast()).contains("Skipped 3 market-data inputs for UNKNOWN_SYMBOL", "4 in total");
        assertThat(rejections.count(RejectReason.UNKNOWN_SYMBOL)).isEqualTo(4);
    }

    @Test
    void recordsWithUnknownSymbolsAreCountedToo() {
        MarketDataPipeline pipeline = MarketDataPipeline.builder(SYMBOLS).rejections(rejections).build();
        assertThat(pipeline.onUpdate(new ReferencePriceUpdated("XRP-USD", 5, "x", T))).isFalse();
        assertThat(pipeline.onUpdate(new ReferencePriceUpdated("ETH-USD", 5, "x", T))).isTrue();
        assertThat(rejections.count(RejectReason.UNKNOWN_SYMBOL)).isEqualTo(1);
    }

    @Test
    void tickerCombinesTradesQuotesReferenceAndTheDay() {
        MarketDataPipeline pipeline = MarketDataPipeline.builder(SYMBOLS).build();
        pipeline.onUpdate(new TradeReported("BTC-USD", 4_000_000, 100, TakerSide.BUY, "v", 1, 0, T));
        pipeline.onUpdate(new QuoteUpdated("BTC-USD", 4_100_000, 5, 4_100_100, 7, "v", 0, T + 10));
        pipeline.onUpdate(new ReferencePriceUpdated("BTC-USD", 4_100_050, "idx", T + 20));
        pipeline.onUpdate(new TradeReported("BTC-USD", 4_100_100, 250, TakerSide.BUY, "v", 2, 0, T + 30));
        assertThat(pipeline.ticker("BTC-USD")).contains(
                new Ticker("BTC-USD", 4_100_100, 4_100_000, 4_100_100, 4_100_050, 350, 4_000_000, 100_100, T + 30));
        assertThat(pipeline.ticker("ETH-USD").orElseThrow().last()).isZero();
        assertThat(pipeline.ticker("NOPE")).isEmpty();
    }

    @Test
    void newestPricesMoveStopTriggersAndLateOnesDoNot() {
        List<String> fired = new ArrayList<>();
        StopTriggerIndex stops = new StopTriggerIndex(SYMBOLS.size(),
                (instrument, id, buy, level, price, time) -> fired.add(id + (buy ? " buy " : " sell ") + level + "<-" + price));
        stops.add(0, 1, true, 4_200_000);
        stops.add(0, 2, true, 4_300_000);
        stops.add(0, 3, false, 3_900_000);
        MarketDataPipeline pipeline = MarketDataPipeline.builder(SYMBOLS).triggers(stops).build();
        pipeline.onLine("R,BTC-USD,41000.00," + T);
        assertThat(fired).isEmpty();
        pipeline.onLine("T,BTC-USD,38000.00,1,S," + (T - 10)); // the first trade of the instrument, so the newest
        assertThat(fired).containsExactly("3 sell 3900000<-3800000");
        pipeline.onLine("T,BTC-USD,42000.00,1,B," + (T + 100));
        pipeline.onLine("T,BTC-USD,45000.00,1,B," + (T + 50)); // older than the last trade: ignored by triggers
        assertThat(fired).containsExactly("3 sell 3900000<-3800000", "1 buy 4200000<-4200000");
        pipeline.onLine("Q,BTC-USD,44000.00,1,44000.01,1," + (T + 200)); // quotes never trigger
        assertThat(fired).hasSize(2);
        pipeline.onLine("R,BTC-USD,43000.00," + (T + 300));
        assertThat(fired).containsExactly("3 sell 3900000<-3800000", "1 buy 4200000<-4200000", "2 buy 4300000<-4300000");
        assertThat(stops.pending(0)).isZero();
    }

    @Test
    void slowUpdatesRaiseALatencyAlert() {
        List<LatencyAlert> alerts = new ArrayList<>();
        AtomicBoolean slow = new AtomicBoolean();
        MarketDataPipeline pipeline = MarketDataPipeline.builder(SYMBOLS)
                .settings(PipelineSettings.DEFAULTS.withLatency(new LatencyMonitor.Settings(1_000_000, 1, 0)))
                .alerts(a -> {
                    if (slow.get()) {
                        alerts.add(a);
                    }
                })
                .sink((u, s) -> {
                    if (slow.get()) {
                        try {
                            Thread.sleep(3);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                })
                .build();
        pipeline.onLine("T,ETH-USD,1.00,1,B," + T); // a cold first update may alert too: not counted
        slow.set(true);
        pipeline.onLine("T,ETH-USD,1.00,1,B," + (T + 1));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.nanos()).isGreaterThan(1_000_000);
            assertThat(a.symbol()).isEqualTo("ETH-USD");
        });
        var snapshot = pipeline.latency().snapshot();
        assertThat(snapshot.stage(LatencyStage.SINKS).max()).isGreaterThan(2_000_000);
        assertThat(snapshot.stage(LatencyStage.TOTAL).count()).isEqualTo(2);
        assertThat(snapshot.updates()).isEqualTo(2);
    }

    @Test
    void bulkInputSamplesStages() {
        MarketDataPipeline pipeline = MarketDataPipeline.builder(SYMBOLS)
                .settings(PipelineSettings.DEFAULTS.withLatency(LatencyMonitor.Settings.DEFAULTS.withSampleEvery(4))).build();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4_000; i++) {
            sb.append("T,BTC-USD,100.00,1,B,").append(T + i).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
        assertThat(pipeline.onLines(bytes, 0, bytes.length)).isEqualTo(4_000);
        var snapshot = pipeline.latency().snapshot();
        assertThat(snapshot.stage(LatencyStage.PARSE).count()).isEqualTo(1_000);
        assertThat(snapshot.stage(LatencyStage.TOTAL).count()).isEqualTo(1_000);
        assertThat(snapshot.updates()).isEqualTo(4_000);
        assertThat(pipeline.ticker("BTC-USD").orElseThrow().volume24h()).isEqualTo(4_000 * 100_000L);
    }

    @Test
    void readersOnOtherThreadsNeverSeeATornTicker() throws Exception {
        MarketDataPipeline pipeline = MarketDataPipeline.builder(SYMBOLS).build();
        pipeline.onUpdate(new QuoteUpdated("BTC-USD", 1, 1, 2, 1, "v", 0, T));
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong reads = new AtomicLong();
        List<Ticker> torn = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (!done.get()) {
                Ticker t = pipeline.ticker("BTC-USD").orElseThrow();
                if (t.ask() - t.bid() != 1 || t.timestamp() - T != t.bid() - 1) {
                    torn.add(t);
                }
                reads.incrementAndGet();
            }
        });
        MutableUpdate u = new MutableUpdate();
        for (long k = 1; k < 2_000_000; k++) {
            pipeline.onUpdate(u.quote(0, k, 1, k + 1, 1, T + k - 1));
        }
        done.set(true);
        reader.join();
        assertThat(torn).isEmpty();
        assertThat(reads.get()).isPositive();
    }
}
