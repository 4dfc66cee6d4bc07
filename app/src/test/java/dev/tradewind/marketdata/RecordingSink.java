package dev.tradewind.marketdata;

import dev.tradewind.engine.marketdata.MarketUpdate;
import dev.tradewind.engine.marketdata.RejectReason;
import dev.tradewind.engine.marketdata.feed.FeedGap;
import dev.tradewind.engine.marketdata.feed.FeedStatusChanged;
import dev.tradewind.engine.marketdata.feed.MarketDataSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A thread-safe sink that keeps everything a feed delivered, in order. */
public final class RecordingSink implements MarketDataSink {
    public final List<MarketUpdate> updates = new CopyOnWriteArrayList<>();
    public final List<Thread> threads = new CopyOnWriteArrayList<>();
    public final List<RejectReason> rejected = new CopyOnWriteArrayList<>();
    public final List<String> rejectDetails = new CopyOnWriteArrayList<>();
    public final List<FeedGap> gaps = new CopyOnWriteArrayList<>();
    public final List<FeedStatusChanged> statuses = new CopyOnWriteArrayList<>();

    @Override
    public void onUpdate(MarketUpdate update) {
        threads.add(Thread.currentThread());
        updates.add(update);
    }

    @Override
    public void onRejected(RejectReason reason, String source, Object detail) {
        rejected.add(reason);
        rejectDetails.add(source + ": " + detail);
    }

    @Override
    public void onGap(FeedGap gap) {
        gaps.add(gap);
    }

    @Override
    public void onStatus(FeedStatusChanged status) {
        statuses.add(status);
    }

    public long statusCount(FeedStatusChanged.FeedStatus status) {
        return statuses.stream().filter(s -> s.status() == status).count();
    }

    /** Waits up to 10 s for {@code condition}. */
    public static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }
}
