package dev.tradewind.engine.marketdata.feed;

import dev.tradewind.engine.marketdata.MutableUpdate;
import dev.tradewind.engine.marketdata.SymbolTable;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The default feed of {@code ./tradewind up}: a {@link GbmGenerator} paced to the wall clock (event
 * times start at the clock's time when started), on one daemon thread that sleeps between events.
 */
public final class SyntheticFeed implements MarketDataFeed {
    private static final System.Logger LOG = System.getLogger(SyntheticFeed.class.getName());

    private final SymbolTable symbols;
    private final List<GbmParameters> instruments;
    private final long seed;
    private final LongSupplier wallClockMillis;
    private volatile boolean running;
    private Thread thread;

    public SyntheticFeed(SymbolTable symbols, List<GbmParameters> instruments, long seed, LongSupplier wallClockMillis) {
        this.symbols = symbols;
        this.instruments = List.copyOf(instruments);
        this.seed = seed;
        this.wallClockMillis = wallClockMillis;
    }

    @Override
    public String name() {
        return "synthetic";
    }

    @Override
    public synchronized void start(MarketDataSink sink) {
        if (thread != null) {
            throw new IllegalStateException("synthetic feed already started");
        }
        long startMillis = wallClockMillis.getAsLong();
        GbmGenerator generator = new GbmGenerator(symbols, instruments, seed, startMillis);
        running = true;
        thread = Thread.ofPlatform().name("marketdata-synthetic").daemon().unstarted(() -> run(generator, startMillis, sink));
        thread.start();
    }

    private void run(GbmGenerator generator, long startMillis, MarketDataSink sink) {
        long startNanos = System.nanoTime();
        MutableUpdate scratch = new MutableUpdate();
        try {
            while (running) {
                long due = startNanos + (generator.peekTimeMillis() - startMillis) * 1_000_000;
                long wait;
                while (running && (wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(this, wait);
                }
                if (!running) {
                    break;
                }
                sink.onUpdate(generator.next(symbols, scratch));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Synthetic feed stopped by an error in its sink", e);
            throw e;
        }
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
