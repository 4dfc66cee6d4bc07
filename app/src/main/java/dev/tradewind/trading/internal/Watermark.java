package dev.tradewind.trading.internal;

import dev.tradewind.trading.PersistedSequence;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * The persister's committed sequence, with waiters. A lock and condition rather than futures:
 * waiters are request threads (virtual), and one signal per committed batch wakes them all.
 */
@Component
public class Watermark implements PersistedSequence {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private volatile long current;

    @Override
    public long current() {
        return current;
    }

    /** Persister only: everything up to {@code sequence} is committed. */
    void advance(long sequence) {
        if (sequence <= current) {
            return;
        }
        lock.lock();
        try {
            current = sequence;
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Persister only, at (re)attach: where PostgreSQL stands. */
    void reset(long sequence) {
        lock.lock();
        try {
            current = sequence;
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean await(long sequence, Duration timeout) {
        if (current >= sequence) {
            return true;
        }
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (current < sequence) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = advanced.awaitNanos(remaining);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return current >= sequence;
        } finally {
            lock.unlock();
        }
    }

}
