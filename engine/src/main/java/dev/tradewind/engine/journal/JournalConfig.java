package dev.tradewind.engine.journal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Journal settings.
 *
 * @param directory        where the segment files live (created if missing)
 * @param segmentSizeBytes a segment is rolled before a group commit would make it larger than this
 *                         (a single larger batch still goes whole into one segment)
 * @param durability       see {@link DurabilityPolicy}
 * @param fsyncInterval    the longest time unforced data may wait under {@link DurabilityPolicy#INTERVAL}
 */
public record JournalConfig(Path directory, long segmentSizeBytes, DurabilityPolicy durability, Duration fsyncInterval) {

    public static final long DEFAULT_SEGMENT_SIZE = 64L << 20;
    public static final Duration DEFAULT_FSYNC_INTERVAL = Duration.ofMillis(10);

    public JournalConfig {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(fsyncInterval, "fsyncInterval");
        if (segmentSizeBytes < JournalFormat.SEGMENT_HEADER_SIZE + JournalFormat.RECORD_HEADER_SIZE) {
            throw new IllegalArgumentException("segmentSizeBytes too small: " + segmentSizeBytes);
        }
        if (fsyncInterval.isNegative()) {
            throw new IllegalArgumentException("fsyncInterval must not be negative: " + fsyncInterval);
        }
    }

    /** 64 MiB segments, fsync per batch. */
    public static JournalConfig defaults(Path directory) {
        return new JournalConfig(directory, DEFAULT_SEGMENT_SIZE, DurabilityPolicy.PER_BATCH, DEFAULT_FSYNC_INTERVAL);
    }

    public JournalConfig withSegmentSizeBytes(long bytes) {
        return new JournalConfig(directory, bytes, durability, fsyncInterval);
    }

    public JournalConfig withDurability(DurabilityPolicy policy, Duration interval) {
        return new JournalConfig(directory, segmentSizeBytes, policy, interval);
    }
}
