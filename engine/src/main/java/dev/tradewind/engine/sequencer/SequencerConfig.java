package dev.tradewind.engine.sequencer;

import dev.tradewind.engine.journal.DurabilityPolicy;
import dev.tradewind.engine.journal.JournalConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Sequencer settings. Files go under {@code directory}: {@code journal/} and {@code snapshots/}.
 *
 * @param directory             engine data directory (created if missing)
 * @param queueCapacity         command queue slots (power of two); a full queue rejects with
 *                              {@link EngineErrorCode#ENGINE_OVERLOADED}. A batch submit takes one slot.
 * @param maxBatchSize          the writer stops draining the queue for a batch at this many commands
 *                              (a batch submit is never split, so a batch may reach twice this)
 * @param durability            when the journal is fsynced, see {@link DurabilityPolicy}
 * @param fsyncInterval         the most unforced data may age under {@link DurabilityPolicy#INTERVAL}
 * @param segmentSizeBytes      journal segment size before rolling (the journal also keeps
 *                              {@link #JOURNAL_PREALLOCATE_BYTES} of zeros written ahead of its data, which
 *                              roughly halves the fsync time; cut off at close)
 * @param snapshotEveryCommands take a snapshot after this many commands since the last one (0: only at close);
 *                              if the previous snapshot file is still being written then, the writer waits for it
 * @param snapshotsToKeep       snapshots kept; journal segments older than the oldest kept one are deleted
 * @param idleSpins             {@link Thread#onSpinWait()} polls of an empty queue before the writer parks
 * @param closeTimeout          how long {@link Sequencer#close()} waits for each consumer to drain
 */
public record SequencerConfig(
        Path directory,
        int queueCapacity,
        int maxBatchSize,
        DurabilityPolicy durability,
        Duration fsyncInterval,
        long segmentSizeBytes,
        long snapshotEveryCommands,
        int snapshotsToKeep,
        int idleSpins,
        Duration closeTimeout) {

    public SequencerConfig {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(fsyncInterval, "fsyncInterval");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (queueCapacity < 2 || Integer.bitCount(queueCapacity) != 1) {
            throw new IllegalArgumentException("queueCapacity must be a power of two >= 2, got " + queueCapacity);
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be >= 1, got " + maxBatchSize);
        }
        if (snapshotEveryCommands < 0) {
            throw new IllegalArgumentException("snapshotEveryCommands must be >= 0, got " + snapshotEveryCommands);
        }
        if (snapshotsToKeep < 1) {
            throw new IllegalArgumentException("snapshotsToKeep must be >= 1 (2 or more lets a corrupt newest one fall back)");
        }
        if (idleSpins < 0) {
            throw new IllegalArgumentException("idleSpins must be >= 0, got " + idleSpins);
        }
        journalConfig(directory.resolve("journal"), segmentSizeBytes, durability, fsyncInterval);
    }

    /** Zeros the sequencer's journal keeps ahead of its data (see {@link JournalConfig#preallocateBytes()}). */
    public static final long JOURNAL_PREALLOCATE_BYTES = 1L << 20;

    private static JournalConfig journalConfig(Path dir, long segmentSize, DurabilityPolicy policy, Duration interval) {
        return new JournalConfig(dir, segmentSize, policy, interval, JOURNAL_PREALLOCATE_BYTES);
    }

    /**
     * 65,536-slot queue, batches of up to 2,048, fsync per batch, 64 MiB segments, a snapshot every
     * million commands, 3 snapshots kept, no spinning before parking (measured: no gain here), 30 s close timeout.
     */
    public static SequencerConfig defaults(Path directory) {
        return new SequencerConfig(directory, 65_536, 2048, DurabilityPolicy.PER_BATCH, JournalConfig.DEFAULT_FSYNC_INTERVAL,
                JournalConfig.DEFAULT_SEGMENT_SIZE, 1_000_000, 3, 0, Duration.ofSeconds(30));
    }

    public Path journalDirectory() {
        return directory.resolve("journal");
    }

    public Path snapshotDirectory() {
        return directory.resolve("snapshots");
    }

    public JournalConfig journalConfig() {
        return journalConfig(journalDirectory(), segmentSizeBytes, durability, fsyncInterval);
    }

    public SequencerConfig withQueueCapacity(int value) {
        return new SequencerConfig(directory, value, maxBatchSize, durability, fsyncInterval, segmentSizeBytes,
                snapshotEveryCommands, snapshotsToKeep, idleSpins, closeTimeout);
    }

    public SequencerConfig withMaxBatchSize(int value) {
        return new SequencerConfig(directory, queueCapacity, value, durability, fsyncInterval, segmentSizeBytes,
                snapshotEveryCommands, snapshotsToKeep, idleSpins, closeTimeout);
    }

    public SequencerConfig withDurability(DurabilityPolicy policy, Duration interval) {
        return new SequencerConfig(directory, queueCapacity, maxBatchSize, policy, interval, segmentSizeBytes,
                snapshotEveryCommands, snapshotsToKeep, idleSpins, closeTimeout);
    }

    public SequencerConfig withSegmentSizeBytes(long value) {
        return new SequencerConfig(directory, queueCapacity, maxBatchSize, durability, fsyncInterval, value,
                snapshotEveryCommands, snapshotsToKeep, idleSpins, closeTimeout);
    }

    public SequencerConfig withSnapshots(long everyCommands, int keep) {
        return new SequencerConfig(directory, queueCapacity, maxBatchSize, durability, fsyncInterval, segmentSizeBytes,
                everyCommands, keep, idleSpins, closeTimeout);
    }

    public SequencerConfig withIdleSpins(int value) {
        return new SequencerConfig(directory, queueCapacity, maxBatchSize, durability, fsyncInterval, segmentSizeBytes,
                snapshotEveryCommands, snapshotsToKeep, value, closeTimeout);
    }

    public SequencerConfig withCloseTimeout(Duration value) {
        return new SequencerConfig(directory, queueCapacity, maxBatchSize, durability, fsyncInterval, segmentSizeBytes,
                snapshotEveryCommands, snapshotsToKeep, idleSpins, value);
    }
}
