package dev.tradewind.engine.marketdata.candle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.engine.marketdata.InstrumentScale;
import dev.tradewind.engine.marketdata.MarketDataPipeline;
import dev.tradewind.engine.marketdata.PipelineSettings;
import dev.tradewind.engine.marketdata.SymbolTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Candles built by the pipeline from known sequences (prices in cents, volumes in whole lots). */
class CandlesTest {
    private static final SymbolTable SYMBOLS = SymbolTable.of(InstrumentScale.of("BTC-USD", "0.01", "1"));
    private static final long NOON = Instant.parse("2024-11-24T12:00:00Z").toEpochMilli();

    private final List<Candle> closed = new ArrayList<>();
    private final List<String> updated = new ArrayList<>();
    private MarketDataPipeline pipeline = pipeline(PipelineSettings.DEFAULTS);

    private MarketDataPipeline pipeline(PipelineSettings settings) {
        return MarketDataPipeline.builder(SYMBOLS).settings(settings).candles(new CandleListener() {
            @Override
            public void onCandleUpdated(int instrument, CandleInterval interval, long openTime, long open, long high,
                                        long low, long close, long volume) {
                updated.add(interval.code() + "@" + (openTime - NOON));
            }

            @Override
            public void onCandleClosed(int instrument, Candle candle) {
                closed.add(candle);
            }
        }).build();
    }

    private void trade(long offsetMillis, String price, long qty) {
        assertThat(pipeline.onLine("T,BTC-USD," + price + "," + qty + ",B," + (NOON + offsetMillis))).isTrue();
    }

    private void reference(long offsetMillis, String price) {
        assertThat(pipeline.onLine("R,BTC-USD," + price + "," + (NOON + offsetMillis))).isTrue();
    }

    private List<Candle> candles(CandleInterval interval) {
        return pipeline.candles("BTC-USD", interval, Long.MIN_VALUE, Long.MAX_VALUE, 1_000);
    }

    private static Candle candle(CandleInterval interval, long offset, long o, long h, long l, long c, long v, boolean closed) {
        return new Candle("BTC-USD", interval, NOON + offset, o, h, l, c, v, closed);
    }

    @Test
    void boundariesAreUtcAlignedAndEndExclusive() {
        trade(59_999, "100.00", 1);
        trade(60_000, "101.00", 2);
        assertThat(candles(CandleInterval.M1)).containsExactly(
                candle(CandleInterval.M1, 0, 10_000, 10_000, 10_000, 10_000, 1, false),
                candle(CandleInterval.M1, 60_000, 10_100, 10_100, 10_100, 10_100, 2, false));
        assertThat(candles(CandleInterval.S1)).extracting(Candle::openTime).containsExactly(NOON + 59_000, NOON + 60_000);
        assertThat(candles(CandleInterval.M5)).singleElement().satisfies(c -> {
            assertThat(c.openTime()).isEqualTo(NOON);
            assertThat(c.open()).isEqualTo(10_000);
            assertThat(c.close()).isEqualTo(10_100);
            assertThat(c.volume()).isEqualTo(3);
        });
        assertThat(candles(CandleInterval.D1)).singleElement()
                .satisfies(c -> assertThat(Instant.ofEpochMilli(c.openTime())).isEqualTo(Instant.parse("2024-11-24T00:00:00Z")));
        assertThat(candles(CandleInterval.H1)).singleElement().satisfies(c -> assertThat(c.openTime()).isEqualTo(NOON));
    }

    @Test
    void ohlcvFollowsEventTime() {
        trade(1_000, "100.00", 1);
        trade(2_000, "105.00", 1);
        trade(3_000, "95.00", 1);
        trade(4_000, "101.00", 3);
        assertThat(candles(CandleInterval.M1)).containsExactly(
                candle(CandleInterval.M1, 0, 10_000, 10_500, 9_500, 10_100, 6, false));
    }

    @Test
    void gapsProduceNoCandles() {
        trade(10_000, "100.00", 1);
        trade(200_000, "102.00", 1);
        assertThat(candles(CandleInterval.M1)).extracting(Candle::openTime).containsExactly(NOON, NOON + 180_000);
        assertThat(candles(CandleInterval.M1).get(1).open()).isEqualTo(10_200);
    }

    @Test
    void lateUpdateWithinToleranceLandsInTheOlderCandle() {
        trade(30_000, "100.00", 1);
        trade(60_500, "110.00", 1);
        trade(59_000, "90.00", 5); // 1.5 s late, tolerance 2 s
        assertThat(candles(CandleInterval.M1)).containsExactly(
                candle(CandleInterval.M1, 0, 10_000, 10_000, 9_000, 9_000, 6, false),
                candle(CandleInterval.M1, 60_000, 11_000, 11_000, 11_000, 11_000, 1, false));
        assertThat(pipeline.lateDropped()).isZero();
    }

    @Test
    void lateUpdateDoesNotOverwriteALaterClose() {
        trade(10_000, "100.00", 1);
        trade(11_000, "120.00", 1);
        trade(10_500, "110.00", 1); // late, but earlier than the close
        trade(9_500, "95.00", 1); // late, earlier than the open: becomes the open
        assertThat(candles(CandleInterval.M1)).containsExactly(
                candle(CandleInterval.M1, 0, 9_500, 12_000, 9_500, 12_000, 4, false));
    }

    @Test
    void lateUpdateFillsAGapBetweenCandles() {
        trade(10_000, "100.00", 1);
        trade(12_000, "120.00", 1);
        trade(11_500, "115.00", 1);
        assertThat(candles(CandleInterval.S1)).extracting(Candle::openTime, Candle::close).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NOON + 10_000, 10_000L),
                org.assertj.core.groups.Tuple.tuple(NOON + 11_000, 11_500L),
                org.assertj.core.groups.Tuple.tuple(NOON + 12_000, 12_000L));
    }

    @Test
    void tooLateUpdatesAreCountedAndDropped() {
        trade(30_000, "100.00", 1);
        trade(63_000, "110.00", 1);
        trade(59_000, "50.00", 9); // 4 s late, tolerance 2 s
        assertThat(pipeline.lateDropped()).isEqualTo(1);
        assertThat(candles(CandleInterval.M1).getFirst()).isEqualTo(
                candle(CandleInterval.M1, 0, 10_000, 10_000, 10_000, 10_000, 1, true));
        // the late trade still reaches the 24 h window, not the last price
        assertThat(pipeline.ticker("BTC-USD").orElseThrow().last()).isEqualTo(11_000);
        assertThat(pipeline.ticker("BTC-USD").orElseThrow().volume24h()).isEqualTo(11);
    }

    @Test
    void candlesCloseOnceWhenTheWatermarkPassesTheirEnd() {
        trade(30_000, "100.00", 1);
        trade(61_000, "101.00", 1);
        assertThat(closed).extracting(c -> c.interval().code() + "@" + (c.openTime() - NOON)).containsExactly("1s@30000");
        closed.clear();
        trade(62_500, "102.00", 1); // watermark 60.5 s: the 12:00 minute is final
        assertThat(closed).extracting(c -> c.interval().code() + "@" + (c.openTime() - NOON)).containsExactly("1m@0");
        assertThat(closed.get(0)).isEqualTo(candle(CandleInterval.M1, 0, 10_000, 10_000, 10_000, 10_000, 1, true));
        closed.clear();
        trade(62_600, "103.00", 1);
        assertThat(closed).isEmpty();
    }

    @Test
    void openCandleUpdatesAreStreamed() {
        trade(1_000, "100.00", 1);
        assertThat(updated).containsExactly("1s@1000", "1m@0", "5m@0", "1h@0", "1d@-43200000");
    }

    @Test
    void referenceTicksMakePriceOnlyCandles() {
        reference(1_000, "100.00");
        reference(2_000, "99.00");
        assertThat(candles(CandleInterval.M1)).containsExactly(
                candle(CandleInterval.M1, 0, 10_000, 10_000, 9_900, 9_900, 0, false));
        assertThat(pipeline.onLine("Q,BTC-USD,98.00,1,99.00,1," + (NOON + 3_000))).isTrue();
        assertThat(candles(CandleInterval.M1).getFirst().close()).as("quotes make no candles").isEqualTo(9_900);
    }

    @Test
    void historyIsBounded() {
        for (int minute = 0; minute < 10; minute++) {
            trade(minute * 60_000L, "100.00", 1);
        }
        pipeline = pipeline(PipelineSettings.DEFAULTS.withCandleHistory(4));
        for (int minute = 0; minute < 10; minute++) {
            trade(minute * 60_000L, "100.00", 1);
        }
        assertThat(candles(CandleInterval.M1)).extracting(c -> (c.openTime() - NOON) / 60_000)
                .containsExactly(6L, 7L, 8L, 9L);
    }

    @Test
    void advancingTheClockClosesIdleCandles() {
        trade(30_000, "100.00", 1);
        closed.clear();
        pipeline.advanceTime(NOON + 64_000); // idle close 5 s: the 12:00 minute ends at 60 s
        assertThat(closed).extracting(c -> c.interval().code()).containsExactly("1s");
        pipeline.advanceTime(NOON + 65_000);
        assertThat(closed).extracting(c -> c.interval().code()).containsExactly("1s", "1m");
        assertThat(pipeline.onLine("T,BTC-USD,1.00,1,B," + (NOON + 59_000))).isTrue();
        assertThat(pipeline.lateDropped()).as("too late for the closed candle").isEqualTo(1);
    }

    @Test
    void queriesFilterByTimeAndLimit() {
        for (int s = 0; s < 10; s++) {
            trade(s * 60_000L, "100.00", 1);
        }
        assertThat(pipeline.candles("BTC-USD", CandleInterval.M1, NOON + 120_000, NOON + 300_000, 100))
                .extracting(c -> (c.openTime() - NOON) / 60_000).containsExactly(2L, 3L, 4L);
        assertThat(pipeline.candles("BTC-USD", CandleInterval.M1, NOON, NOON + 600_000, 2))
                .extracting(c -> (c.openTime() - NOON) / 60_000).containsExactly(8L, 9L);
    }
}
