package dev.tradewind.engine.journal;

import static dev.tradewind.engine.journal.JournalFormat.RECORD_HEADER_SIZE;
import static dev.tradewind.engine.journal.JournalFormat.SEGMENT_HEADER_SIZE;

import dev.tradewind.engine.journal.JournalFiles.SegmentFile;
import dev.tradewind.engine.journal.JournalFormat.SegmentHeader;
import dev.tradewind.engine.sequencer.Codec;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Appends commands to the journal with group commit: {@link #append} frames records into an
 * in-memory batch, {@link #write} hands the whole batch to the OS in one write, {@link #force} makes
 * everything written so far durable with one {@code fdatasync}; {@link #commit} is both, per
 * {@link DurabilityPolicy}.
 *
 * <p>One writer thread owns an instance ({@link #append}, {@link #discardPending}, {@link #write},
 * {@link #commit}, {@link #close}). {@link #force} is thread-safe, so another thread can fsync batch N
 * while the writer prepares and writes batch N + 1 (a force covers every batch written before it
 * started); {@link #writtenSequence()}, {@link #durableSequence()}, {@link #nanosUntilForceDue()},
 * {@link #forces()} and {@link #fsyncLatency()} may be read from any thread. After an I/O error the
 * writer is failed and refuses further use: what reached the disk is unknown, so the process must
 * recover from the files.
 *
 * <p>Under {@link DurabilityPolicy#NONE} it touches no file and only keeps the sequence bookkeeping.
 */
public final class JournalWriter<C> implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JournalWriter.class.getName());

    private final JournalConfig config;
    private final Codec<C> codec;
    private final Path directory;
    private final CRC32C crc = new CRC32C();
    private final BufferDataOutput batch = new BufferDataOutput(64 * 1024);
    private int[] recordStarts = new int[256];
    private int pending;

    /** Replaced only under {@link #forceLock}, after the old segment was forced (see {@link #roll}). */
    private volatile FileChannel channel;
    private long segmentBytes;
    /** The current segment holds zeros from {@code segmentBytes} up to here (preallocation). */
    private long zeroedEnd;
    private ByteBuffer zeros;
    /** Serializes forces and segment rolls: a force reads the written sequence and the channel together. */
    private final Object forceLock = new Object();

    private long appendedSequence;
    private long appendedTimestamp;
    private volatile long writtenSequence;
    private long writtenTimestamp;
    private volatile long durableSequence;
    private volatile long lastForceNanos;

    private final AtomicLong forces = new AtomicLong();
    private final Recorder fsyncNanos = new Recorder(3);
    private final Histogram fsyncTotal = new Histogram(3);

    private volatile boolean failed;
    private volatile boolean closed;

    private JournalWriter(JournalConfig config, Codec<C> codec, FileChannel channel, long segmentBytes,
                          long lastSequence, long lastTimestamp) {
        this.config = config;
        this.codec = codec;
        this.directory = config.directory();
        this.channel = channel;
        this.segmentBytes = segmentBytes;
        this.zeroedEnd = segmentBytes;
        this.appendedSequence = lastSequence;
        this.appendedTimestamp = lastTimestamp;
        this.writtenSequence = lastSequence;
        this.writtenTimestamp = lastTimestamp;
        this.durableSequence = lastSequence;
        this.lastForceNanos = System.nanoTime();
    }

    /**
     * Opens the journal for appending, creating the directory and a first segment (starting at
     * sequence 1) if there is none.
     *
     * <p>The last segment is scanned. A torn or corrupt tail (a partial record, a bad length or CRC,
     * with no valid record of a later group commit after it) is logged and truncated: under
     * {@link DurabilityPolicy#PER_BATCH} it can only hold a batch whose fsync never completed, so none of
     * its commands was acknowledged. If a valid record of a later group commit follows the damage, the
     * damaged data had been durable: that is corruption in the middle and a
     * {@link JournalCorruptedException} is thrown. A valid record with an unexpected sequence is a gap
     * and also throws. Earlier segments are verified when they are replayed.
     */
    public static <C> JournalWriter<C> open(JournalConfig config, Codec<C> codec) throws IOException {
        if (config.durability() == DurabilityPolicy.NONE) {
            return new JournalWriter<>(config, codec, null, 0, 0, 0); // touches no file
        }
        Path dir = config.directory();
        Files.createDirectories(dir);
        List<SegmentFile> segments = JournalFiles.list(dir);
        while (!segments.isEmpty()) {
            SegmentFile last = segments.getLast();
            FileChannel channel = FileChannel.open(last.path(), StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                long size = channel.size();
                byte[] headerBytes = new byte[SEGMENT_HEADER_SIZE];
                int read = channel.read(ByteBuffer.wrap(headerBytes), 0);
                SegmentHeader header = read == SEGMENT_HEADER_SIZE ? SegmentHeader.parse(headerBytes) : null;
                if (header == null) {
                    if (size <= SEGMENT_HEADER_SIZE && segments.size() > 1) {
                        // Crashed while creating the segment: it cannot hold a record yet; append to the previous one.
                        LOG.log(Level.WARNING, "Journal segment {0} has an incomplete header ({1} bytes): "
                                + "deleting it (a crash interrupted its creation; it held no records)", last.path(), size);
                        channel.close();
                        Files.delete(last.path());
                        JournalFiles.fsyncDirectory(dir);
                        segments.removeLast();
                        continue;
                    }
                    if (size <= SEGMENT_HEADER_SIZE) {
                        // The only segment (older ones were covered by a snapshot and deleted): rebuild its header
                        // from its name. The base timestamp is unknown; the snapshot that covers the deleted
                        // segments carries the clock floor.
                        LOG.log(Level.WARNING, "Journal segment {0} has an incomplete header ({1} bytes) and is the "
                                + "only segment: rewriting its header (it held no records)", last.path(), size);
                        channel.truncate(0);
                        ByteBuffer rebuilt = ByteBuffer.wrap(JournalFormat.segmentHeader(last.firstSequence(), 0));
                        while (rebuilt.hasRemaining()) {
                            channel.write(rebuilt, rebuilt.position());
                        }
                        channel.force(true);
                        channel.position(SEGMENT_HEADER_SIZE);
                        return new JournalWriter<>(config, codec, channel, SEGMENT_HEADER_SIZE, last.firstSequence() - 1, 0);
                    }
                    throw new JournalCorruptedException("Journal segment " + last.path() + " has a corrupt header but holds "
                            + (size - SEGMENT_HEADER_SIZE) + " bytes of records; refusing to guess. Restore it from a "
                            + "replica or backup.");
                }
                if (header.firstSequence() != last.firstSequence()) {
                    throw new JournalCorruptedException("Journal segment " + last.path() + " header says first sequence "
                            + header.firstSequence() + " but its name says " + last.firstSequence());
                }
                long[] tail = repairTail(last.path(), channel, header);
                channel.position(tail[0]);
                LOG.log(Level.DEBUG, "Opened journal {0} at sequence {1}", dir, tail[1]);
                return new JournalWriter<>(config, codec, channel, tail[0], tail[1], tail[2]);
            } catch (IOException | RuntimeException e) {
                if (channel.isOpen()) {
                    channel.close();
                }
                throw e;
            }
        }
        FileChannel channel = createSegment(dir, 1, 0, config.preallocateBytes());
        JournalWriter<C> writer = new JournalWriter<>(config, codec, channel, SEGMENT_HEADER_SIZE, 0, 0);
        writer.zeroedEnd = SEGMENT_HEADER_SIZE + config.preallocateBytes();
        return writer;
    }

    /** Scans the last segment; returns {valid end offset, last sequence, last timestamp}. */
    private static long[] repairTail(Path path, FileChannel channel, SegmentHeader header) throws IOException {
        RecordCursor cursor = new RecordCursor(channel);
        long position = SEGMENT_HEADER_SIZE;
        long lastSequence = header.firstSequence() - 1;
        long lastTimestamp = header.baseTimestamp();
        while (true) {
            RecordCursor.Status status = cursor.readAt(position);
            if (status == RecordCursor.Status.END) {
                return new long[] {position, lastSequence, lastTimestamp};
            }
            if (status == RecordCursor.Status.ZEROS && cursor.firstNonZero(position) >= channel.size()) {
                // Preallocated zeros after the data: cut them off; the writer preallocates again.
                LOG.log(Level.DEBUG, "Journal segment {0}: data ends at byte {1} (sequence {2}), dropping {3} "
                        + "preallocated zero bytes", path, position, lastSequence, channel.size() - position);
                channel.truncate(position);
                return new long[] {position, lastSequence, lastTimestamp};
            }
            if (status == RecordCursor.Status.RECORD) {
                if (cursor.sequence() != lastSequence + 1) {
                    throw new JournalCorruptedException("Journal segment " + path + " has a sequence gap at byte " + position
                            + ": expected " + (lastSequence + 1) + ", found " + cursor.sequence());
                }
                if (cursor.timestamp() < lastTimestamp) {
                    throw new JournalCorruptedException("Journal segment " + path + " has a timestamp going backwards at sequence "
                            + cursor.sequence() + " (byte " + position + ")");
                }
                lastSequence = cursor.sequence();
                lastTimestamp = cursor.timestamp();
                position += cursor.recordLength();
                continue;
            }
            long size = channel.size();
            long laterBatchAt = findLaterBatch(cursor, position + 1, lastSequence);
            if (laterBatchAt >= 0) {
                throw new JournalCorruptedException("Journal segment " + path + " is corrupt at byte " + position + " ("
                        + status + " after sequence " + lastSequence + ") but a valid record of a later group commit "
                        + "follows at byte " + laterBatchAt + ": this is corruption in the middle of the journal, not a "
                        + "torn tail, so nothing is truncated. Restore the segment from a replica or backup.");
            }
            LOG.log(Level.WARNING, "Journal segment {0}: torn or corrupt tail at byte {1} after sequence {2} ({3}); "
                    + "truncating {4} bytes. They belong to a group commit that never completed.",
                    path, position, lastSequence, status, size - position);
            channel.truncate(position);
            channel.force(true);
            return new long[] {position, lastSequence, lastTimestamp};
        }
    }

    /**
     * Looks for a valid record after a damaged one that belongs to a group commit started after the
     * first lost sequence; returns its offset or -1. Records of the damaged commit itself may
     * legitimately have reached the disk out of order.
     */
    private static long findLaterBatch(RecordCursor cursor, long from, long lastGoodSequence) throws IOException {
        long position = from;
        while (true) {
            RecordCursor.Status status = cursor.readAt(position, lastGoodSequence + 1, lastGoodSequence + (1L << 40));
            switch (status) {
                case END, PARTIAL -> {
                    if (status == RecordCursor.Status.END) {
                        return -1;
                    }
                    position++;
                }
                case RECORD -> {
                    long batchFirst = cursor.sequence() - cursor.batchOffset();
                    if (batchFirst > lastGoodSequence + 1) {
                        return position;
                    }
                    position += cursor.recordLength();
                }
                // A record's first non-zero byte is within its first 16 (its sequence is at least 1).
                case ZEROS -> position = Math.max(position + 1, cursor.firstNonZero(position) - 15);
                default -> position++;
            }
        }
    }

    private static FileChannel createSegment(Path dir, long firstSequence, long baseTimestamp, long preallocate)
            throws IOException {
        Path path = dir.resolve(JournalFormat.segmentName(firstSequence));
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            ByteBuffer header = ByteBuffer.wrap(JournalFormat.segmentHeader(firstSequence, baseTimestamp));
            while (header.hasRemaining()) {
                channel.write(header);
            }
            writeZeros(channel, null, SEGMENT_HEADER_SIZE, SEGMENT_HEADER_SIZE + preallocate);
            channel.force(false);
            JournalFiles.fsyncDirectory(dir);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Writes zeros over [from, to) with positional writes (the channel's position does not move). */
    private static ByteBuffer writeZeros(FileChannel channel, ByteBuffer zeros, long from, long to) throws IOException {
        if (to <= from) {
            return zeros;
        }
        ByteBuffer z = zeros != null ? zeros : ByteBuffer.allocateDirect(256 * 1024);
        for (long position = from; position < to; ) {
            z.clear();
            z.limit((int) Math.min(z.capacity(), to - position));
            position += channel.write(z, position);
        }
        return z;
    }

    /**
     * Frames one record into the pending batch; nothing is written until {@link #commit}.
     *
     * @throws IllegalArgumentException if the sequence is not the next one, the timestamp goes
     *                                  backwards, or the codec fails or produces more than 16 MiB (the
     *                                  batch is left as it was)
     */
    public void append(long sequence, long timestamp, C command) {
        checkUsable();
        if (sequence != appendedSequence + 1) {
            throw new IllegalArgumentException("sequence " + sequence + " is not the next one (" + (appendedSequence + 1) + ")");
        }
        if (timestamp < appendedTimestamp) {
            throw new IllegalArgumentException("timestamp " + timestamp + " is before the previous one " + appendedTimestamp);
        }
        if (channel == null) { // DurabilityPolicy.NONE: only the sequence bookkeeping
            if (pending == recordStarts.length) {
                recordStarts = Arrays.copyOf(recordStarts, pending * 2);
            }
            recordStarts[pending++] = 0;
            appendedSequence = sequence;
            appendedTimestamp = timestamp;
            return;
        }
        int start = batch.position();
        batch.position(start + RECORD_HEADER_SIZE);
        try {
            codec.write(command, batch);
        } catch (IOException | RuntimeException e) {
            batch.position(start);
            throw new IllegalArgumentException("codec could not encode command " + command + ": " + e, e);
        }
        int length = batch.position() - start - RECORD_HEADER_SIZE;
        if (length > JournalFormat.MAX_PAYLOAD) {
            batch.position(start);
            throw new IllegalArgumentException("encoded command is " + length + " bytes, over the "
                    + JournalFormat.MAX_PAYLOAD + "-byte limit");
        }
        byte[] b = batch.array();
        JournalFormat.putInt(b, start, length);
        JournalFormat.putLong(b, start + 8, sequence);
        JournalFormat.putLong(b, start + 16, timestamp);
        JournalFormat.putInt(b, start + 24, (int) (sequence - (writtenSequence + 1)));
        JournalFormat.putInt(b, start + 4, JournalFormat.recordCrc(crc, b, start, length));
        if (pending == recordStarts.length) {
            recordStarts = Arrays.copyOf(recordStarts, pending * 2);
        }
        recordStarts[pending++] = start;
        appendedSequence = sequence;
        appendedTimestamp = timestamp;
    }

    /** Records appended since the last write. */
    public int pendingRecords() {
        return pending;
    }

    /** Whether the records appended since the last write no longer fit in the current segment (they will roll it). */
    public boolean pendingOverflowsSegment() {
        return pending > 0 && channel != null && segmentBytes > SEGMENT_HEADER_SIZE
                && segmentBytes + batch.position() > config.segmentSizeBytes();
    }

    /** Drops pending records so that only the first {@code keep} remain (e.g. a command whose apply failed). */
    public void discardPending(int keep) {
        checkUsable();
        if (keep < 0 || keep > pending) {
            throw new IllegalArgumentException("keep " + keep + " outside [0, " + pending + "]");
        }
        if (keep == pending) {
            return;
        }
        batch.position(recordStarts[keep]);
        appendedSequence -= pending - keep;
        if (channel != null) {
            appendedTimestamp = keep == 0 ? writtenTimestamp : JournalFormat.getLong(batch.array(), recordStarts[keep - 1] + 16);
        } else if (keep == 0) {
            appendedTimestamp = writtenTimestamp;
        }
        pending = keep;
    }

    /**
     * Writes the pending batch with one write and, per policy, forces it (PER_BATCH: always; INTERVAL:
     * if due). Rolls to a new segment first if the batch would overflow the current one.
     *
     * @return whether the journal is now durable up to {@link #lastSequence()}
     */
    public boolean commit() throws IOException {
        boolean wrote = write();
        if (wrote && config.durability() == DurabilityPolicy.PER_BATCH) {
            force();
            return true;
        }
        forceIfDue();
        return durableSequence == writtenSequence;
    }

    /**
     * Hands the pending batch to the OS with one write, without forcing it (writer thread). Rolls to a
     * new segment first if the batch would overflow the current one. Under {@link DurabilityPolicy#NONE}
     * it only advances the written and durable sequences.
     *
     * @return whether there was anything to write
     */
    public boolean write() throws IOException {
        checkUsable();
        if (pending == 0) {
            return false;
        }
        try {
            if (channel == null) {
                writtenTimestamp = appendedTimestamp;
                writtenSequence = appendedSequence;
                durableSequence = appendedSequence;
                pending = 0;
                return true;
            }
            int length = batch.position();
            if (segmentBytes > SEGMENT_HEADER_SIZE && segmentBytes + length > config.segmentSizeBytes()) {
                roll();
            }
            ByteBuffer out = ByteBuffer.wrap(batch.array(), 0, length);
            FileChannel target = channel;
            while (out.hasRemaining()) {
                target.write(out);
            }
            segmentBytes += length;
            long preallocate = config.preallocateBytes();
            if (preallocate > 0 && zeroedEnd < segmentBytes + preallocate / 2) {
                // Zeros ahead of the data, forced with this group: later groups overwrite existing blocks.
                zeros = writeZeros(target, zeros, Math.max(zeroedEnd, segmentBytes), segmentBytes + preallocate);
                zeroedEnd = segmentBytes + preallocate;
            }
            writtenTimestamp = appendedTimestamp;
            writtenSequence = appendedSequence; // volatile: publishes the write to forcing threads
            batch.reset();
            pending = 0;
            return true;
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /** Under {@link DurabilityPolicy#INTERVAL}: forces unforced data once the interval has passed. */
    public void forceIfDue() throws IOException {
        if (nanosUntilForceDue() == 0) {
            force();
        }
    }

    /** 0 if unforced data is due now, {@link Long#MAX_VALUE} if there is none, else the nanoseconds left. */
    public long nanosUntilForceDue() {
        if (durableSequence == writtenSequence) {
            return Long.MAX_VALUE;
        }
        long left = lastForceNanos + config.fsyncInterval().toNanos() - System.nanoTime();
        return Math.max(0, left);
    }

    /**
     * Forces everything written so far to stable storage (no-op if already durable). Thread-safe: it may
     * run on another thread while the writer appends and writes the next batch; it then covers what
     * was written when it started.
     */
    public void force() throws IOException {
        checkUsable();
        synchronized (forceLock) {
            long target = writtenSequence;
            if (durableSequence >= target) {
                return;
            }
            try {
                long start = System.nanoTime();
                channel.force(false);
                long end = System.nanoTime();
                fsyncNanos.recordValue(end - start);
                forces.incrementAndGet();
                lastForceNanos = end;
                durableSequence = target;
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            }
        }
    }

    private void roll() throws IOException {
        synchronized (forceLock) { // no force may run on the channel being closed
            force();
            cutPreallocatedZeros();
            channel.close();
            channel = createSegment(directory, writtenSequence + 1, writtenTimestamp, config.preallocateBytes());
            segmentBytes = SEGMENT_HEADER_SIZE;
            zeroedEnd = SEGMENT_HEADER_SIZE + config.preallocateBytes();
        }
        LOG.log(Level.DEBUG, "Rolled journal to a segment starting at {0}", writtenSequence + 1);
    }

    /** A finished segment keeps only its data (readers would stop at the zeros anyway). */
    private void cutPreallocatedZeros() throws IOException {
        if (zeroedEnd > segmentBytes) {
            channel.truncate(segmentBytes);
            zeroedEnd = segmentBytes;
        }
    }

    private void checkUsable() {
        if (failed) {
            throw new IllegalStateException("journal writer failed on an earlier I/O error; recover from the files");
        }
        if (closed) {
            throw new IllegalStateException("journal writer is closed");
        }
    }

    /** Last sequence appended (pending ones included), 0 for an empty journal. */
    public long lastSequence() {
        return appendedSequence;
    }

    /** Timestamp of the last appended record (or of the record before the journal's first one). */
    public long lastTimestamp() {
        return appendedTimestamp;
    }

    /** Last sequence handed to the OS, readable by a {@link JournalReader}. */
    public long writtenSequence() {
        return writtenSequence;
    }

    /** Last sequence known to be on stable storage. */
    public long durableSequence() {
        return durableSequence;
    }

    /** Number of data fsyncs so far (one per group commit under PER_BATCH). */
    public long forces() {
        return forces.get();
    }

    /** Cumulative fsync latency in nanoseconds (a copy). */
    public synchronized Histogram fsyncLatency() {
        fsyncTotal.add(fsyncNanos.getIntervalHistogram());
        return fsyncTotal.copy();
    }

    public Path directory() {
        return directory;
    }

    /** Commits pending records, forces and closes (writer thread, once no other thread forces). Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (!failed) {
                commit();
                force();
                if (channel != null) {
                    cutPreallocatedZeros();
                }
            }
        } finally {
            synchronized (forceLock) {
                closed = true;
                if (channel != null) {
                    channel.close();
                }
            }
        }
    }
}
