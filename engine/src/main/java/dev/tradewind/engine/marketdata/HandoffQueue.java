package dev.tradewind.engine.marketdata;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded multi-producer, single-consumer queue that hands work to one thread without
 * busy-spinning: an idle consumer parks and the producer that fills an empty queue unparks it
 * (two cores: a spinning consumer would steal the core the producers need). The consumer may poll
 * {@code spinTries} times first, which saves a wake-up when items arrive microseconds apart; keep it
 * small (0 parks at once).
 *
 * <p>Cells carry sequence numbers (Vyukov's bounded queue), so producers only contend on one
 * counter and nothing is allocated per item.
 */
public final class HandoffQueue<E> {
    private final Object[] items;
    private final AtomicLongArray sequences;
    private final int mask;
    private final AtomicLong tail = new AtomicLong();
    private final int spinTries;
    private long head;
    private volatile Thread waiter;

    public HandoffQueue(int capacity, int spinTries) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two >= 2, got " + capacity);
        }
        this.items = new Object[capacity];
        this.sequences = new AtomicLongArray(capacity);
        for (int i = 0; i < capacity; i++) {
            sequences.set(i, i);
        }
        this.mask = capacity - 1;
        this.spinTries = spinTries;
    }

    /** Adds without waiting; false when full. Any thread. */
    public boolean offer(E item) {
        if (item == null) {
            throw new NullPointerException("null item");
        }
        long pos;
        int cell;
        while (true) {
            pos = tail.get();
            cell = (int) pos & mask;
            long seq = sequences.get(cell);
            if (seq == pos) {
                if (tail.compareAndSet(pos, pos + 1)) {
                    break;
                }
            } else if (seq < pos) {
                return false;
            }
        }
        items[cell] = item;
        sequences.set(cell, pos + 1);
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
        return true;
    }

    /**
     * Adds, waiting (parked in short naps, not spinning) while the queue is full: back-pressure on
     * the producer, never on the consumer. Any thread.
     */
    public void put(E item) throws InterruptedException {
        long nap = 1_000;
        while (!offer(item)) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            LockSupport.parkNanos(this, nap);
            nap = Math.min(nap * 2, 1_000_000);
        }
    }

    /** The next item or null. Consumer thread only. */
    @SuppressWarnings("unchecked")
    public E poll() {
        int cell = (int) head & mask;
        if (sequences.get(cell) != head + 1) {
            return null;
        }
        E item = (E) items[cell];
        items[cell] = null;
        sequences.lazySet(cell, head + mask + 1);
        head++;
        return item;
    }

    /** The next item, waiting at most {@code timeout}; null on timeout. Consumer thread only. */
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        E item = poll();
        if (item != null) {
            return item;
        }
        for (int i = 0; i < spinTries; i++) {
            Thread.onSpinWait();
            item = poll();
            if (item != null) {
                return item;
            }
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        Thread me = Thread.currentThread();
        try {
            while (true) {
                waiter = me;
                item = poll();
                if (item != null) {
                    return item;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                LockSupport.parkNanos(this, left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            waiter = null;
        }
    }

    /** The next item, waiting as long as it takes. Consumer thread only. */
    public E take() throws InterruptedException {
        E item;
        while ((item = poll(1, TimeUnit.SECONDS)) == null) {
            // keep waiting
        }
        return item;
    }

    /** Items waiting (approximate from other threads). */
    public int size() {
        return (int) Math.max(0, tail.get() - head);
    }

    public int capacity() {
        return mask + 1;
    }
}
