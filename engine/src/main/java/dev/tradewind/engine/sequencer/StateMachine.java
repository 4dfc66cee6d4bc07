package dev.tradewind.engine.sequencer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The deterministic state the sequencer drives from its single writer thread.
 *
 * <p>It is the seam between matching (what a command does) and durability (journal, snapshots,
 * recovery, event fan-out), so that neither knows the other's internals. Determinism is the
 * contract: the same commands applied in the same order from the same snapshot yield the same
 * results, the same events and the same {@link #stateHash()}.
 *
 * @param <C> command type (journaled through a {@link Codec})
 * @param <R> result handed back to the producer that submitted the command
 * @param <E> event type published to consumers once the command is durable
 */
public interface StateMachine<C, R, E> {

    /**
     * Applies one command. Only ever called from the writer thread.
     *
     * @param sequence  the engine sequence assigned to this command (strictly increasing, gap-free)
     * @param timestamp epoch nanoseconds assigned by the sequencer and journaled with the command, so
     *                  replay reproduces every event time exactly; never read a clock inside apply
     * @param command   the command
     * @param events   receives the events the command caused, in order
     * @return the result for the submitter; a rejection is a result, not an exception
     */
    R apply(long sequence, long timestamp, C command, Consumer<? super E> events);

    /** Writes the whole state (including the last applied sequence) so {@link #readSnapshot} can restore it. */
    void writeSnapshot(DataOutput out) throws IOException;

    /** Replaces the whole state with one written by {@link #writeSnapshot}. */
    void readSnapshot(DataInput in) throws IOException;

    /** A hash over all state (accounts, books, sequence); equal states have equal hashes. */
    long stateHash();

    /** The sequence of the last command applied, 0 when none. */
    long lastSequence();
}
