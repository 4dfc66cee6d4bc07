package dev.tradewind.engine.sequencer;

import java.util.AbstractList;
import java.util.List;

/**
 * The events of a run of consecutive commands ({@link #firstSequence()}..{@link #lastSequence()},
 * inclusive), in order; a command that caused no event is still covered. Immutable; one instance is
 * shared by all consumers.
 */
public final class EventBatch<E> {
    private final long firstSequence;
    private final long lastSequence;
    private final long[] sequences;
    private final Object[] events;

    EventBatch(long firstSequence, long lastSequence, long[] sequences, Object[] events) {
        this.firstSequence = firstSequence;
        this.lastSequence = lastSequence;
        this.sequences = sequences;
        this.events = events;
    }

    public long firstSequence() {
        return firstSequence;
    }

    public long lastSequence() {
        return lastSequence;
    }

    public int size() {
        return events.length;
    }

    /** The sequence of the command that caused event {@code i}. */
    public long sequence(int i) {
        return sequences[i];
    }

    @SuppressWarnings("unchecked")
    public E event(int i) {
        return (E) events[i];
    }

    /** An unmodifiable view of the events. */
    public List<E> events() {
        return new AbstractList<>() {
            @Override
            public E get(int index) {
                return event(index);
            }

            @Override
            public int size() {
                return events.length;
            }
        };
    }

    @Override
    public String toString() {
        return "EventBatch[" + firstSequence + ".." + lastSequence + ", " + events.length + " events]";
    }
}
