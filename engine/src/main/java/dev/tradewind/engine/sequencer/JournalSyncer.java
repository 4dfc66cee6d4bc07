package dev.tradewind.engine.sequencer;

import dev.tradewind.engine.journal.DurabilityPolicy;
import dev.tradewind.engine.journal.JournalWriter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The journal's fsync thread, so that the writer never waits for the disk: while it forces batch N
 * the writer applies and writes batch N + 1 (a force covers every batch written before it started,
 * so under load one fsync serves several batches). Under {@link DurabilityPolicy#PER_BATCH} it forces
 * as soon as something is written and unforced; under {@link DurabilityPolicy#INTERVAL} once the
 * oldest unforced write is {@code fsyncInterval} old. After each force it wakes the writer, which
 * releases the results and events of the batches now durable, in order.
 *
 * <p>It parks when there is nothing to force and is unparked by {@link #written()}; it never spins.
 * An I/O error ends it: {@link #failure()} tells the writer, which halts.
 */
final class JournalSyncer implements Runnable {
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final VarHandle PARKED;

    static {
        try {
            PARKED = MethodHandles.lookup().findVarHandle(JournalSyncer.class, "parked", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final JournalWriter<?> journal;
    private final boolean perBatch;
    private final Runnable onDurable;
    private final Thread thread;
    @SuppressWarnings("unused")
    private volatile boolean parked;
    private volatile boolean stopping;
    private volatile Throwable failure;

    JournalSyncer(JournalWriter<?> journal, DurabilityPolicy policy, Runnable onDurable) {
        this.journal = journal;
        this.perBatch = policy == DurabilityPolicy.PER_BATCH;
        this.onDurable = onDurable;
        this.thread = Thread.ofPlatform().name("tradewind-journal-sync").daemon(true).unstarted(this);
    }

    void start() {
        thread.start();
    }

    /** Writer thread, after each journal write: wakes the syncer if it is waiting for work. */
    void written() {
        if ((boolean) PARKED.getVolatile(this) && PARKED.compareAndSet(this, true, false)) {
            LockSupport.unpark(thread);
        }
    }

    Throwable failure() {
        return failure;
    }

    /** Stops after the force in progress and waits for the thread to end. */
    void stop() throws InterruptedException {
        stopping = true;
        LockSupport.unpark(thread);
        if (thread.getState() != Thread.State.NEW) {
            thread.join();
        }
    }

    @Override
    public void run() {
        try {
            while (!stopping) {
                long wait = nanosUntilDue();
                if (wait == 0) {
                    journal.force();
                    onDurable.run();
                } else if (wait == Long.MAX_VALUE) {
                    // Nothing unforced: park until the writer writes (announce first, re-check, then park).
                    PARKED.setVolatile(this, true);
                    if (nanosUntilDue() != Long.MAX_VALUE || stopping) {
                        PARKED.setVolatile(this, false);
                        continue;
                    }
                    LockSupport.parkNanos(this, MAX_PARK_NANOS);
                    PARKED.setVolatile(this, false);
                } else {
                    // INTERVAL with data pending: sleep until due; more writes need no wake-up meanwhile.
                    LockSupport.parkNanos(this, Math.min(wait, MAX_PARK_NANOS));
                }
            }
        } catch (Throwable t) {
            failure = t;
            onDurable.run();
        }
    }

    private long nanosUntilDue() {
        if (perBatch) {
            return journal.writtenSequence() > journal.durableSequence() ? 0 : Long.MAX_VALUE;
        }
        return journal.nanosUntilForceDue();
    }
}
