package dev.tradewind.engine.marketdata.feed;

import dev.tradewind.engine.marketdata.MarketUpdate;
import dev.tradewind.engine.marketdata.QuoteUpdated;
import dev.tradewind.engine.marketdata.ReferencePriceUpdated;
import dev.tradewind.engine.marketdata.TradeReported;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Replays a file of updates (CSV, JSON lines or the fast format: the {@link LineDecoder} decides) in
 * file order. Deterministic: the same file always yields the same updates in the same order; bad
 * lines are reported to {@link MarketDataSink#onRejected} with their line number and skipped.
 *
 * <p>{@code speed} paces by event time: 1 replays in real time, 10 ten times faster, 0 as fast as
 * possible. With {@code loop}, the file restarts at its end with every time shifted by the span
 * replayed so far, so times keep increasing (the demo can run for ever on a small sample).
 */
public final class FileReplayFeed implements MarketDataFeed {
    private static final System.Logger LOG = System.getLogger(FileReplayFeed.class.getName());

    /** Waits; the default parks, tests pass one that advances a fake clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos);
    }

    private final String name;
    private final Path file;
    private final Supplier<LineDecoder> decoders;
    private final double speed;
    private final boolean loop;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param decoders a fresh decoder per pass (CSV decoders remember the header)
     */
    public FileReplayFeed(String name, Path file, Supplier<LineDecoder> decoders, double speed, boolean loop) {
        this(name, file, decoders, speed, loop, System::nanoTime, nanos -> LockSupport.parkNanos(nanos));
    }

    public FileReplayFeed(String name, Path file, Supplier<LineDecoder> decoders, double speed, boolean loop,
                          LongSupplier nanoClock, Sleeper sleeper) {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("replay speed must be >= 0 (0 = as fast as possible), got " + speed);
        }
        this.name = name;
        this.file = file;
        this.decoders = decoders;
        this.speed = speed;
        this.loop = loop;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Replays the file once on the calling thread.
     *
     * @return updates delivered
     */
    public long replay(MarketDataSink sink) {
        running = true;
        return pass(sink, new Pacer(), 0);
    }

    private final class Pacer {
        long firstEvent = Long.MIN_VALUE;
        long startNanos;
        long lastEvent = Long.MIN_VALUE;

        void await(long eventTime) {
            if (firstEvent == Long.MIN_VALUE) {
                firstEvent = eventTime;
                startNanos = nanoClock.getAsLong();
            }
            lastEvent = Math.max(lastEvent, eventTime);
            if (speed == 0) {
                return;
            }
            long due = startNanos + (long) ((eventTime - firstEvent) * 1_000_000 / speed);
            long wait = due - nanoClock.getAsLong();
            if (wait > 0) {
                sleeper.sleepNanos(wait);
            }
        }
    }

    private long pass(MarketDataSink sink, Pacer pacer, long shiftMillis) {
        LineDecoder decoder = decoders.get();
        long delivered = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long lineNo = 0;
            while (running && (line = reader.readLine()) != null) {
                lineNo++;
                MarketUpdate update;
                try {
                    update = decoder.decode(line);
                } catch (BadInputException e) {
                    sink.onRejected(e.reason(), name + ":" + file.getFileName() + ":" + lineNo, e.getMessage());
                    continue;
                }
                if (update == null) {
                    continue;
                }
                if (shiftMillis != 0) {
                    update = shifted(update, shiftMillis);
                }
                pacer.await(update.eventTime());
                sink.onUpdate(update);
                delivered++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read replay file " + file + ": " + e.getMessage(), e);
        }
        return delivered;
    }

    static MarketUpdate shifted(MarketUpdate u, long shift) {
        return switch (u) {
            case TradeReported t -> new TradeReported(t.symbol(), t.price(), t.quantity(), t.takerSide(), t.venue(),
                    t.tradeId(), t.sequence(), t.eventTime() + shift);
            case QuoteUpdated q -> new QuoteUpdated(q.symbol(), q.bid(), q.bidSize(), q.ask(), q.askSize(), q.venue(),
                    q.sequence(), q.eventTime() + shift);
            case ReferencePriceUpdated r -> new ReferencePriceUpdated(r.symbol(), r.price(), r.source(), r.eventTime() + shift);
        };
    }

    @Override
    public synchronized void start(MarketDataSink sink) {
        if (thread != null) {
            throw new IllegalStateException("replay " + name + " already started");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("replay file " + file + " is not readable; check the path in the market-data settings");
        }
        running = true;
        thread = Thread.ofPlatform().name("marketdata-replay-" + name).daemon().unstarted(() -> {
            Pacer pacer = new Pacer();
            long shift = 0;
            try {
                do {
                    long before = pacer.lastEvent;
                    long n = pass(sink, pacer, shift);
                    if (n == 0 || pacer.lastEvent == before) {
                        break;
                    }
                    shift = pacer.lastEvent + 1 - pacer.firstEvent;
                } while (loop && running);
                LOG.log(System.Logger.Level.INFO, "Replay {0} of {1} finished", name, file);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Replay " + name + " of " + file + " failed", e);
            }
        });
        thread.start();
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
