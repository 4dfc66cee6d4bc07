package dev.tradewind.engine.marketdata.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewind.engine.marketdata.MarketUpdate;
import dev.tradewind.engine.marketdata.SymbolTable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MarketDataFeed} adapter promises (DESIGN.md: one contract test per port, every
 * adapter extends it): it delivers valid updates of known instruments from its own thread, starts
 * once, and delivers nothing after {@link MarketDataFeed#stop()} returned.
 */
public abstract class MarketDataFeedContract {
    /** A feed that delivers updates continuously (at least a few per 100 ms) once started. */
    protected abstract MarketDataFeed newFeed() throws Exception;

    /** The instruments the feed knows. */
    protected abstract SymbolTable symbols();

    private final List<MarketDataFeed> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(MarketDataFeed::stop);
    }

    /** Records updates and the threads they came from. */
    protected static final class Collector implements MarketDataSink {
        final List<MarketUpdate> updates = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();

        @Override
        public void onUpdate(MarketUpdate update) {
            updates.add(update);
            threads.add(Thread.currentThread());
        }
    }

    private MarketDataFeed start(Collector sink) throws Exception {
        MarketDataFeed feed = newFeed();
        started.add(feed);
        feed.start(sink);
        return feed;
    }

    private static void awaitUpdates(Collector sink, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sink.updates.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + sink.updates.size() + " updates within 10 s");
            }
            Thread.sleep(2);
        }
    }

    @Test
    void deliversValidUpdatesOfKnownInstrumentsFromItsOwnThread() throws Exception {
        Collector sink = new Collector();
        MarketDataFeed feed = start(sink);
        awaitUpdates(sink, 5);
        assertThat(feed.name()).isNotBlank();
        assertThat(sink.updates).allSatisfy(u -> {
            assertThat(symbols().id(u.symbol())).as("known symbol %s", u.symbol()).isNotNegative();
            assertThat(u.eventTime()).isPositive();
        });
        assertThat(sink.threads).doesNotContain(Thread.currentThread());
    }

    @Test
    void deliversNothingAfterStop() throws Exception {
        Collector sink = new Collector();
        MarketDataFeed feed = start(sink);
        awaitUpdates(sink, 3);
        feed.stop();
        int after = sink.updates.size();
        Thread.sleep(150);
        assertThat(sink.updates).hasSize(after);
        feed.stop(); // idempotent
    }

    @Test
    void startsOnlyOnce() throws Exception {
        MarketDataFeed feed = start(new Collector());
        assertThatThrownBy(() -> feed.start(new Collector())).isInstanceOf(IllegalStateException.class);
    }
}
