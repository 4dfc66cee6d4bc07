package dev.tradewind.engine.sequencer;

import dev.tradewind.engine.journal.BufferDataInput;
import dev.tradewind.engine.journal.JournalRangeUnavailableException;
import dev.tradewind.engine.journal.JournalReader;
import dev.tradewind.engine.journal.Snapshot;
import dev.tradewind.engine.journal.SnapshotStore;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Regenerates the events of a range of sequences exactly as they were published live: loads the newest
 * snapshot at or before the start into a fresh state machine, re-applies the journaled commands with
 * their journaled timestamps, and hands over the events after the start. Used to re-sync a lagging
 * consumer and by the persister to catch up after a crash.
 *
 * <p>Thread-safe and usable while the sequencer runs (it only reads files), for sequences up to the
 * last one published. Events can be regenerated only after the oldest snapshot kept (older journal
 * segments are deleted), or from sequence 0 while the journal still starts at 1.
 */
public final class EventReplayer<C, R, E> {
    private static final int DEFAULT_COMMANDS_PER_BATCH = 1024;
    private static final int OPEN_ATTEMPTS = 3;

    private final Path journalDirectory;
    private final SnapshotStore snapshots;
    private final Codec<C> codec;
    private final Supplier<? extends StateMachine<C, R, E>> machineFactory;

    /**
     * @param engineDirectory the sequencer's data directory ({@link SequencerConfig#directory()})
     * @param machineFactory  creates an empty state machine of the same kind as the live one
     */
    public EventReplayer(Path engineDirectory, Codec<C> codec, Supplier<? extends StateMachine<C, R, E>> machineFactory)
            throws IOException {
        this.journalDirectory = engineDirectory.resolve("journal");
        this.snapshots = new SnapshotStore(engineDirectory.resolve("snapshots"), Integer.MAX_VALUE);
        this.codec = Objects.requireNonNull(codec, "codec");
        this.machineFactory = Objects.requireNonNull(machineFactory, "machineFactory");
    }

    /** {@link #replay(long, long, int, Consumer)} in batches of up to 1,024 commands. */
    public void replay(long afterSequence, long toSequence, Consumer<? super EventBatch<E>> sink) throws IOException {
        replay(afterSequence, toSequence, DEFAULT_COMMANDS_PER_BATCH, sink);
    }

    /**
     * Hands the events of sequences ({@code afterSequence}, {@code toSequence}] to {@code sink}, on the
     * calling thread, as consecutive batches covering the whole range.
     *
     * @throws JournalRangeUnavailableException if the range can no longer (or not yet) be regenerated
     */
    public void replay(long afterSequence, long toSequence, int commandsPerBatch, Consumer<? super EventBatch<E>> sink)
            throws IOException {
        if (afterSequence < 0 || toSequence < afterSequence) {
            throw new IllegalArgumentException("bad range (" + afterSequence + ", " + toSequence + "]");
        }
        if (commandsPerBatch < 1) {
            throw new IllegalArgumentException("commandsPerBatch must be >= 1");
        }
        if (toSequence == afterSequence) {
            return;
        }
        StateMachine<C, R, E> machine = null;
        JournalReader<C> reader = null;
        for (int attempt = 1; reader == null; attempt++) {
            try {
                machine = machineFactory.get();
                long start = 0;
                Optional<Snapshot> snapshot = snapshots.loadNewest(afterSequence);
                if (snapshot.isPresent()) {
                    machine.readSnapshot(new BufferDataInput(snapshot.get().state()));
                    start = snapshot.get().sequence();
                    if (machine.lastSequence() != start) {
                        throw new IllegalStateException("snapshot " + start + " restored a state at sequence "
                                + machine.lastSequence());
                    }
                }
                reader = JournalReader.open(journalDirectory, codec, start);
            } catch (NoSuchFileException prunedMeanwhile) {
                if (attempt == OPEN_ATTEMPTS) {
                    throw prunedMeanwhile;
                }
            } catch (JournalRangeUnavailableException e) {
                throw new JournalRangeUnavailableException("Cannot regenerate events after sequence " + afterSequence
                        + ": no snapshot at or before it is left and the journal no longer reaches back to it (" + e.getMessage()
                        + "). Keep more snapshots (snapshotsToKeep) or re-sync this consumer from a full state.");
            }
        }
        try (JournalReader<C> journal = reader) {
            StateMachine<C, R, E> state = machine;
            EventBatchBuilder<E> builder = new EventBatchBuilder<>();
            Consumer<E> discard = event -> { };
            journal.replay(toSequence, (sequence, timestamp, command) -> {
                if (sequence <= afterSequence) {
                    state.apply(sequence, timestamp, command, discard);
                    return;
                }
                builder.begin(sequence);
                state.apply(sequence, timestamp, command, builder);
                if (builder.commands() >= commandsPerBatch || sequence == toSequence) {
                    sink.accept(builder.build());
                }
            });
        }
    }
}
