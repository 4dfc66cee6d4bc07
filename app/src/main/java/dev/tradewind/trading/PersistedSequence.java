package dev.tradewind.trading;

import java.time.Duration;

/**
 * How far the persister has stored engine events in PostgreSQL: every event of a sequence at or
 * below {@link #current()} is committed. Used for read-your-writes (wait until the sequence of a
 * command's result is stored, then read PostgreSQL) and by the reconciler.
 */
public interface PersistedSequence {
    long current();

    /**
     * Waits until {@link #current()} reaches {@code sequence}.
     *
     * @return false if it did not within {@code timeout}
     */
    boolean await(long sequence, Duration timeout);
}
