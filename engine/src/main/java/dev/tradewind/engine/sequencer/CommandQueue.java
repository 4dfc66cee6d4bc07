package dev.tradewind.engine.sequencer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * Bounded multi-producer single-consumer array queue (Vyukov's per-slot sequence scheme) whose
 * {@link #offer} never blocks: it fails when full or closed. The consumer parks when idle and the
 * producer that finds it parked unparks it, so nobody spins.
 */
final class CommandQueue {
    enum Offer { ACCEPTED, FULL, CLOSED }

    private static final long CLOSED_BIT = 1L << 62;
    private static final VarHandle TAIL;
    private static final VarHandle PARKED;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(CommandQueue.class, "tail", long.class);
            PARKED = lookup.findVarHandle(CommandQueue.class, "parked", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Object[] items;
    private final long[] slots;
    private final int mask;
    private final int capacity;

    // Producers claim by CAS on tail; the consumer alone moves head. Padding is not worth it at 2 cores.
    @SuppressWarnings("unused")
    private volatile long tail;
    private long head;
    @SuppressWarnings("unused")
    private volatile boolean parked;
    private volatile Thread consumer;

    CommandQueue(int capacity) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two >= 2, got " + capacity);
        }
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.items = new Object[capacity];
        this.slots = new long[capacity];
        for (int i = 0; i < capacity; i++) {
            slots[i] = i;
        }
    }

    void consumerThread(Thread thread) {
        this.consumer = thread;
    }

    Offer offer(Object item) {
        while (true) {
            long t = (long) TAIL.getVolatile(this);
            if ((t & CLOSED_BIT) != 0) {
                return Offer.CLOSED;
            }
            int index = (int) t & mask;
            long slot = (long) SLOT.getAcquire(slots, index);
            if (slot == t) {
                if (TAIL.compareAndSet(this, t, t + 1)) {
                    items[index] = item;
                    // Volatile, not release: pairs with the consumer's volatile write of 'parked' (no lost wake-up).
                    SLOT.setVolatile(slots, index, t + 1);
                    wakeConsumer();
                    return Offer.ACCEPTED;
                }
            } else if (slot < t) {
                return Offer.FULL;
            }
            Thread.onSpinWait();
        }
    }

    /** Consumer only: the next item, or null if none is published yet. */
    Object poll() {
        int index = (int) head & mask;
        if ((long) SLOT.getAcquire(slots, index) != head + 1) {
            return null;
        }
        Object item = items[index];
        items[index] = null;
        SLOT.setRelease(slots, index, head + capacity);
        head++;
        return item;
    }

    /** Consumer only. */
    boolean hasPublished() {
        return (long) SLOT.getVolatile(slots, (int) head & mask) == head + 1;
    }

    /** No more offers will succeed. Items already claimed are still delivered. */
    void close() {
        TAIL.getAndBitwiseOr(this, CLOSED_BIT);
        wakeConsumer();
    }

    boolean isClosed() {
        return ((long) TAIL.getVolatile(this) & CLOSED_BIT) != 0;
    }

    /** Consumer only: closed and every claimed slot consumed. */
    boolean isClosedAndDrained() {
        long t = (long) TAIL.getVolatile(this);
        return (t & CLOSED_BIT) != 0 && (t & ~CLOSED_BIT) == head;
    }

    /** Approximate number of queued items (any thread). */
    int size() {
        long t = (long) TAIL.getVolatile(this) & ~CLOSED_BIT;
        return (int) Math.max(0, Math.min(capacity, t - head));
    }

    /** Consumer only: announce the intention to park; re-check for work afterwards, then {@link #park}. */
    void prepareToPark() {
        PARKED.setVolatile(this, true);
    }

    void cancelPark() {
        PARKED.setVolatile(this, false);
    }

    void park(long nanos) {
        LockSupport.parkNanos(this, nanos);
        PARKED.setVolatile(this, false);
    }

    void wakeConsumer() {
        if ((boolean) PARKED.getVolatile(this) && PARKED.compareAndSet(this, true, false)) {
            Thread thread = consumer;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }
    }
}
