package dev.tradewind.engine.marketdata.feed;

import static dev.tradewind.engine.marketdata.TestInstruments.SYMBOLS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.engine.marketdata.MarketUpdate;
import dev.tradewind.engine.marketdata.QuoteUpdated;
import dev.tradewind.engine.marketdata.ReferencePriceUpdated;
import dev.tradewind.engine.marketdata.RejectReason;
import dev.tradewind.engine.marketdata.TakerSide;
import dev.tradewind.engine.marketdata.TradeReported;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReplayFeedTest {
    private static final List<MarketUpdate> EXPECTED = List.of(
            new QuoteUpdated("BTC-USD", 4_200_049, 120_000, 4_200_051, 80_000, "sample", 0, 1_732_420_000_000L),
            new TradeReported("BTC-USD", 4_200_051, 1_500, TakerSide.BUY, "sample", 981, 0, 1_732_420_000_100L),
            new TradeReported("BTC-USD", 4_200_049, 50_000, TakerSide.SELL, "sample", 982, 0, 1_732_420_000_250L),
            new ReferencePriceUpdated("BTC-USD", 4_200_050, "index", 1_732_420_000_400L),
            new QuoteUpdated("ETH-USD", 310_010, 20_000, 310_020, 30_000, "sample", 77, 1_732_420_001_000L),
            new TradeReported("ETH-USD", 310_020, 2_500, TakerSide.BUY, "sample", 5, 0, 1_732_420_001_500L));

    /** Records deliveries and rejections in order. */
    static final class Recorder implements MarketDataSink {
        final List<MarketUpdate> updates = new CopyOnWriteArrayList<>();
        final List<String> rejected = new CopyOnWriteArrayList<>();

        @Override
        public void onUpdate(MarketUpdate update) {
            updates.add(update);
        }

        @Override
        public void onRejected(RejectReason reason, String source, Object detail) {
            rejected.add(reason + " " + source);
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(FileReplayFeedTest.class.getResource("/marketdata/" + name).toURI());
    }

    @Test
    void replaysCsvDeterministically() throws Exception {
        Path csv = resource("replay-sample.csv");
        List<List<MarketUpdate>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Recorder sink = new Recorder();
            FileReplayFeed feed = new FileReplayFeed("csv", csv, () -> new CsvLineDecoder(SYMBOLS, "sample"), 0, false);
            assertThat(feed.replay(sink)).isEqualTo(6);
            assertThat(sink.rejected).containsExactly("UNKNOWN_SYMBOL csv:replay-sample.csv:7");
            runs.add(sink.updates);
        }
        assertThat(runs.get(0)).containsExactlyElementsOf(EXPECTED);
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }

    @Test
    void replaysTheFastFormat() throws Exception {
        Recorder sink = new Recorder();
        new FileReplayFeed("fast", resource("replay-sample.txt"), () -> new FastLineDecoder(SYMBOLS, "sample"), 0, false)
                .replay(sink);
        assertThat(sink.rejected).containsExactly("NON_POSITIVE_PRICE fast:replay-sample.txt:6");
        // the fast format has no venue per line nor quote sequence: the feed's venue is used
        assertThat(sink.updates).hasSize(6);
        assertThat(sink.updates.get(1)).isEqualTo(EXPECTED.get(1));
        assertThat(sink.updates.get(3)).isEqualTo(new ReferencePriceUpdated("BTC-USD", 4_200_050, "sample", 1_732_420_000_400L));
    }

    @Test
    void speedFactorPacesByEventTime() throws Exception {
        AtomicLong now = new AtomicLong();
        List<Long> sleeps = new ArrayList<>();
        FileReplayFeed.Sleeper sleeper = nanos -> {
            sleeps.add(nanos);
            now.addAndGet(nanos);
        };
        FileReplayFeed feed = new FileReplayFeed("csv", resource("replay-sample.csv"),
                () -> new CsvLineDecoder(SYMBOLS, "sample"), 2.0, false, now::get, sleeper);
        feed.replay(new Recorder());
        // event offsets 100, 250, 400, 1000, 1500 ms at speed 2 → waits 50, 75, 75, 300, 250 ms
        assertThat(sleeps).containsExactly(
                TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.MILLISECONDS.toNanos(75), TimeUnit.MILLISECONDS.toNanos(75),
                TimeUnit.MILLISECONDS.toNanos(300), TimeUnit.MILLISECONDS.toNanos(250));
        assertThat(now.get()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(750));

        sleeps.clear();
        new FileReplayFeed("csv", resource("replay-sample.csv"), () -> new CsvLineDecoder(SYMBOLS, "sample"), 0, false,
                now::get, sleeper).replay(new Recorder());
        assertThat(sleeps).as("speed 0: as fast as possible").isEmpty();
    }

    @Test
    void loopingShiftsTimesForward(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("two.txt");
        Files.writeString(file, "R,BTC-USD,1.00,1000\nR,BTC-USD,2.00,2000\n");
        Recorder sink = new Recorder();
        FileReplayFeed feed = new FileReplayFeed("loop", file, () -> new FastLineDecoder(SYMBOLS, "x"), 0, true);
        feed.start(sink);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sink.updates.size() < 6 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        feed.stop();
        assertThat(sink.updates.subList(0, 6)).extracting(MarketUpdate::eventTime)
                .containsExactly(1000L, 2000L, 2001L, 3001L, 3002L, 4002L);
    }

    @Test
    void csvNeedsAHeader() {
        CsvLineDecoder decoder = new CsvLineDecoder(SYMBOLS, "x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decoder.decode("1,trade,BTC-USD,1,1,buy"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("header");
    }
}
