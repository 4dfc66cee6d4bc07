package dev.tradewind.engine.sequencer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * Bounded single-producer (the writer) single-consumer (a subscription thread) ring of event batches.
 * {@link #offer} never blocks; the consumer parks when idle and is unparked by the producer.
 */
final class EventRing {
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;
    private static final VarHandle PARKED;
    private static final VarHandle ITEM = MethodHandles.arrayElementVarHandle(Object[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(EventRing.class, "head", long.class);
            TAIL = lookup.findVarHandle(EventRing.class, "tail", long.class);
            PARKED = lookup.findVarHandle(EventRing.class, "parked", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Object[] items;
    private final int mask;
    @SuppressWarnings("unused")
    private volatile long head;
    @SuppressWarnings("unused")
    private volatile long tail;
    @SuppressWarnings("unused")
    private volatile boolean parked;
    private volatile Thread consumer;

    EventRing(int capacity) {
        int size = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        if (capacity <= 1) {
            size = 1;
        }
        this.items = new Object[size];
        this.mask = size - 1;
    }

    int capacity() {
        return items.length;
    }

    void consumerThread(Thread thread) {
        this.consumer = thread;
    }

    /** Producer only. */
    boolean offer(Object item) {
        long t = (long) TAIL.get(this);
        if (t - (long) HEAD.getAcquire(this) >= items.length) {
            return false;
        }
        ITEM.setRelease(items, (int) t & mask, item);
        TAIL.setVolatile(this, t + 1);
        wakeConsumer();
        return true;
    }

    /** Consumer only. */
    Object poll() {
        long h = (long) HEAD.get(this);
        if (h == (long) TAIL.getVolatile(this)) {
            return null;
        }
        int index = (int) h & mask;
        Object item = ITEM.getAcquire(items, index);
        items[index] = null;
        HEAD.setRelease(this, h + 1);
        return item;
    }

    /** Consumer only: announce parking, re-check conditions, then {@link #park} or {@link #cancelPark}. */
    void prepareToPark() {
        PARKED.setVolatile(this, true);
    }

    boolean isEmpty() {
        return (long) HEAD.getVolatile(this) == (long) TAIL.getVolatile(this);
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
