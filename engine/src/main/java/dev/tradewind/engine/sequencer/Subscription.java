package dev.tradewind.engine.sequencer;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One consumer's attachment to the event stream: a bounded ring filled by the writer and a thread of
 * its own that drains it into the {@link EventConsumer}. The writer only ever offers to the ring; when
 * it is full the subscription is marked lagging and skipped, the consumer thread delivers what it has,
 * calls {@link EventConsumer#onLag}, regenerates the missed events with the {@link EventReplayer}
 * and rejoins the live stream, so the consumer sees every event exactly once, in order.
 */
public final class Subscription<E> implements AutoCloseable {
    /** {@code afterSequence} value that means "only events from now on". */
    public static final long LIVE = -1;

    private static final System.Logger LOG = System.getLogger(Subscription.class.getName());
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** What a subscription needs from the sequencer. */
    interface Host<E> {
        /** Completes, on the writer thread, with the last sequence published before live delivery starts. */
        CompletableFuture<Long> register(Subscription<E> subscription);

        void unregister(Subscription<E> subscription);

        void replay(long afterSequence, long toSequence, Consumer<EventBatch<E>> sink) throws IOException;
    }

    private final String name;
    private final EventConsumer<E> consumer;
    private final Host<E> host;
    private final EventRing ring;
    private final long startAfter;
    private final Thread thread;
    private final Duration closeTimeout;

    private volatile boolean lagging;
    private volatile boolean engineDone;
    private volatile boolean stopRequested;
    private volatile boolean failed;
    private volatile long lastDelivered;
    private volatile long lags;

    Subscription(String name, EventConsumer<E> consumer, Host<E> host, long afterSequence, int bufferCapacity,
                 Duration closeTimeout) {
        if (bufferCapacity < 1) {
            throw new IllegalArgumentException("bufferCapacity must be >= 1, got " + bufferCapacity);
        }
        this.name = name;
        this.consumer = consumer;
        this.host = host;
        this.ring = new EventRing(bufferCapacity);
        this.startAfter = afterSequence;
        this.lastDelivered = afterSequence;
        this.closeTimeout = closeTimeout;
        this.thread = Thread.ofPlatform().name("tradewind-consumer-" + name).daemon(true).unstarted(this::run);
        ring.consumerThread(thread);
    }

    void start() {
        thread.start();
    }

    public String name() {
        return name;
    }

    /** Last sequence whose events were handed to the consumer ({@link #LIVE} before the first). */
    public long lastDeliveredSequence() {
        return lastDelivered;
    }

    /** Times this consumer overflowed its buffer. */
    public long lags() {
        return lags;
    }

    /** Whether the delivery thread has ended (closed, engine closed, or failed). */
    public boolean isTerminated() {
        return !thread.isAlive() && thread.getState() != Thread.State.NEW;
    }

    public boolean hasFailed() {
        return failed;
    }

    // ---- writer thread ----

    /** Writer only: false when the ring was full (the subscription is now lagging and must be dropped). */
    boolean offer(EventBatch<E> batch) {
        if (ring.offer(batch)) {
            return true;
        }
        lagging = true;
        ring.wakeConsumer();
        LockSupport.unpark(thread);
        return false;
    }

    /** Writer only, at shutdown: nothing more will be published. */
    void engineDone() {
        engineDone = true;
        LockSupport.unpark(thread);
    }

    // ---- consumer thread ----

    private void run() {
        long last = startAfter;
        try {
            while (!stopRequested) {
                long liveStart;
                try {
                    liveStart = host.register(this).join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof EngineRejectedException rejected
                            && rejected.code() == EngineErrorCode.ENGINE_CLOSED) {
                        return;
                    }
                    throw e;
                }
                if (last == LIVE) {
                    last = liveStart;
                    lastDelivered = last;
                }
                if (last > liveStart) {
                    throw new IllegalStateException("Consumer " + name + " already has events up to sequence " + last
                            + " but the engine has published only up to " + liveStart
                            + ": the engine lost journaled commands (INTERVAL durability and an OS crash?) or the consumer "
                            + "belongs to another engine");
                }
                if (last < liveStart) {
                    final long[] cursor = {last};
                    host.replay(last, liveStart, batch -> cursor[0] = deliver(batch, cursor[0]));
                    last = cursor[0];
                }
                last = deliverLive(last);
                if (last == Long.MIN_VALUE) {
                    return;
                }
            }
        } catch (StopRequested stop) {
            // closed during a replay
        } catch (Throwable error) {
            failed = true;
            LOG.log(Level.ERROR, "Event consumer " + name + " stopped after sequence " + lastDelivered + ": " + error, error);
            try {
                consumer.onError(error);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Event consumer " + name + " onError threw", e);
            }
        } finally {
            host.unregister(this);
        }
    }

    /** Delivers live batches; returns the last sequence delivered after a lag, or MIN_VALUE to stop. */
    private long deliverLive(long last) {
        while (true) {
            Object next = ring.poll();
            if (next != null) {
                last = deliver(cast(next), last);
                continue;
            }
            if (lagging) {
                // The writer offers nothing once lagging is set: one more drain is complete.
                while ((next = ring.poll()) != null) {
                    last = deliver(cast(next), last);
                }
                lagging = false;
                lags++;
                consumer.onLag(last);
                return engineDone ? Long.MIN_VALUE : last;
            }
            if (engineDone || stopRequested) {
                while ((next = ring.poll()) != null) {
                    last = deliver(cast(next), last);
                }
                return Long.MIN_VALUE;
            }
            ring.prepareToPark();
            if (!ring.isEmpty() || lagging || engineDone || stopRequested) {
                ring.cancelPark();
            } else {
                ring.park(PARK_NANOS);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private EventBatch<E> cast(Object batch) {
        return (EventBatch<E>) batch;
    }

    private long deliver(EventBatch<E> batch, long last) {
        if (stopRequested) {
            throw new StopRequested();
        }
        if (batch.lastSequence() <= last) {
            return last;
        }
        if (batch.firstSequence() != last + 1) {
            throw new IllegalStateException("Consumer " + name + " would skip sequences " + (last + 1) + ".."
                    + (batch.firstSequence() - 1) + " (bug in the sequencer's fan-out)");
        }
        consumer.onBatch(batch);
        lastDelivered = batch.lastSequence();
        return batch.lastSequence();
    }

    private static final class StopRequested extends RuntimeException {
        StopRequested() {
            super(null, null, false, false);
        }
    }

    /** Stops delivery (after the batch in progress) and waits for the delivery thread to end. */
    @Override
    public void close() {
        stopRequested = true;
        LockSupport.unpark(thread);
        join();
    }

    void join() {
        if (Thread.currentThread() == thread || thread.getState() == Thread.State.NEW) {
            return;
        }
        try {
            if (!thread.join(closeTimeout)) {
                LOG.log(Level.WARNING, "Event consumer {0} did not finish within {1}; interrupting it", name, closeTimeout);
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
