package dev.tradewind.engine.marketdata;

import dev.tradewind.engine.marketdata.feed.FeedGap;
import dev.tradewind.engine.marketdata.feed.FeedStatusChanged;
import dev.tradewind.engine.marketdata.feed.MarketDataSink;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The pipeline's own thread: feeds deliver into it as a {@link MarketDataSink} (from any thread,
 * through a bounded {@link HandoffQueue}; a full queue makes the feed wait, the pipeline never does),
 * and it applies them in arrival order. With a wall clock it also calls
 * {@link MarketDataPipeline#advanceTime} every {@code tickMillis}, so idle markets close candles.
 */
public final class MarketDataRunner implements MarketDataSink, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MarketDataRunner.class.getName());
    /** How far ahead of the local clock a live update's event time may be. */
    public static final long MAX_CLOCK_SKEW_MILLIS = 60_000;

    private final MarketDataPipeline pipeline;
    private final HandoffQueue<Object> queue;
    private final LongSupplier wallClockMillis;
    private final long tickMillis;
    private final Consumer<FeedGap> gapListener;
    private final Consumer<FeedStatusChanged> statusListener;
    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong taskFailures = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    /**
     * @param capacity        queue capacity, a power of two
     * @param wallClockMillis null to never advance time by the clock (replays of old data)
     */
    public MarketDataRunner(MarketDataPipeline pipeline, int capacity, LongSupplier wallClockMillis, long tickMillis,
                            Consumer<FeedGap> gapListener, Consumer<FeedStatusChanged> statusListener) {
        this.pipeline = pipeline;
        this.queue = new HandoffQueue<>(capacity, 0);
        this.wallClockMillis = wallClockMillis;
        this.tickMillis = tickMillis;
        this.gapListener = gapListener;
        this.statusListener = statusListener;
    }

    public synchronized MarketDataRunner start() {
        if (thread != null) {
            throw new IllegalStateException("runner already started");
        }
        running = true;
        thread = Thread.ofPlatform().name("marketdata-pipeline").daemon().start(this::run);
        return this;
    }

    private void run() {
        long nextAdvance = Long.MIN_VALUE;
        while (running) {
            Object item;
            try {
                item = queue.poll(tickMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (item instanceof MarketUpdate u) {
                if (wallClockMillis != null && u.eventTime() > wallClockMillis.getAsLong() + MAX_CLOCK_SKEW_MILLIS) {
                    pipeline.rejections().reject(RejectReason.BAD_TIMESTAMP, "runner", "event time in the future: " + u);
                } else {
                    pipeline.onUpdate(u);
                }
            } else if (item instanceof Runnable task) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    taskFailures.incrementAndGet();
                    LOG.log(System.Logger.Level.ERROR, "A task on the market-data thread failed; the pipeline goes on", e);
                }
            }
            if (wallClockMillis != null) {
                long now = wallClockMillis.getAsLong();
                if (now >= nextAdvance) {
                    pipeline.advanceTime(now);
                    nextAdvance = now + tickMillis;
                }
            }
        }
    }

    @Override
    public void onUpdate(MarketUpdate update) {
        enqueue(update);
    }

    /** Runs {@code task} on the pipeline thread (e.g. to register stops or read pipeline-thread state). */
    public void execute(Runnable task) {
        enqueue(task);
    }

    private void enqueue(Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing market data to the pipeline", e);
        }
    }

    @Override
    public void onRejected(RejectReason reason, String source, Object detail) {
        pipeline.rejections().reject(reason, source, detail);
    }

    @Override
    public void onGap(FeedGap gap) {
        gaps.incrementAndGet();
        LOG.log(System.Logger.Level.WARNING, "Market-data gap on {0} {1}: expected {2} {3}, got {4} ({5} missed)",
                gap.venue(), gap.symbol(), gap.kind(), String.valueOf(gap.expected()), String.valueOf(gap.received()),
                String.valueOf(gap.missed()));
        gapListener.accept(gap);
    }

    @Override
    public void onStatus(FeedStatusChanged status) {
        LOG.log(System.Logger.Level.INFO, "Feed {0} is {1} {2}", status.feed(), status.status(), status.detail());
        statusListener.accept(status);
    }

    public long gaps() {
        return gaps.get();
    }

    /** Updates waiting for the pipeline thread. */
    public int backlog() {
        return queue.size();
    }

    public MarketDataPipeline pipeline() {
        return pipeline;
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
