package dev.tradewind.engine.sequencer;

import java.util.Arrays;
import java.util.function.Consumer;

/** Collects the events of consecutive commands into an {@link EventBatch}; the apply callback. */
final class EventBatchBuilder<E> implements Consumer<E> {
    private long[] sequences = new long[256];
    private Object[] events = new Object[256];
    private int size;
    private long firstSequence = -1;
    private long lastSequence = -1;

    /** Starts collecting the events of command {@code sequence}. */
    void begin(long sequence) {
        if (firstSequence < 0) {
            firstSequence = sequence;
        }
        lastSequence = sequence;
    }

    @Override
    public void accept(E event) {
        if (size == events.length) {
            sequences = Arrays.copyOf(sequences, size * 2);
            events = Arrays.copyOf(events, size * 2);
        }
        sequences[size] = lastSequence;
        events[size++] = event;
    }

    int size() {
        return size;
    }

    long commands() {
        return firstSequence < 0 ? 0 : lastSequence - firstSequence + 1;
    }

    /** Forgets the events of commands after {@code keepThroughSequence}, given the event count then. */
    void rollback(int keepSize, long keepThroughSequence) {
        Arrays.fill(events, keepSize, size, null);
        size = keepSize;
        if (keepThroughSequence < firstSequence) {
            firstSequence = -1;
            lastSequence = -1;
        } else {
            lastSequence = keepThroughSequence;
        }
    }

    EventBatch<E> build() {
        EventBatch<E> batch = new EventBatch<>(firstSequence, lastSequence, Arrays.copyOf(sequences, size),
                Arrays.copyOf(events, size));
        clear();
        return batch;
    }

    void clear() {
        Arrays.fill(events, 0, size, null);
        size = 0;
        firstSequence = -1;
        lastSequence = -1;
    }
}
