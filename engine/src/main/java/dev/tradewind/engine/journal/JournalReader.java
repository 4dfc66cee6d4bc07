package dev.tradewind.engine.journal;

import static dev.tradewind.engine.journal.JournalFormat.SEGMENT_HEADER_SIZE;

import dev.tradewind.engine.journal.JournalFiles.SegmentFile;
import dev.tradewind.engine.journal.JournalFormat.SegmentHeader;
import dev.tradewind.engine.sequencer.Codec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Replays journal records after a given sequence, strictly: every record must have a valid CRC,
 * sequences must be gap-free across segments and timestamps non-decreasing; anything else throws.
 * (Tail repair is {@link JournalWriter#open}'s job; open the writer first when recovering.)
 *
 * <p>Safe to use while a {@link JournalWriter} appends to the same directory, as long as it reads no
 * further than {@link JournalWriter#writtenSequence()}. The segments it needs are opened up front, so a
 * concurrent deletion of old segments either fails {@link #open} with
 * {@link java.nio.file.NoSuchFileException} (retry) or does not affect the reader. Not thread-safe.
 */
public final class JournalReader<C> implements AutoCloseable {

    private final Path directory;
    private final Codec<C> codec;
    private final long afterSequence;
    private final Deque<OpenSegment> segments = new ArrayDeque<>();
    private final BufferDataInput input = new BufferDataInput(new byte[0]);

    private Current current;
    private long position;
    private long lastSequence = -1;
    private long lastTimestamp = Long.MIN_VALUE;
    private long delivered;

    private record OpenSegment(Path path, long firstSequence, FileChannel channel) {
    }

    private JournalReader(Path directory, Codec<C> codec, long afterSequence) {
        this.directory = directory;
        this.codec = codec;
        this.afterSequence = afterSequence;
        this.delivered = afterSequence;
    }

    /**
     * Opens the segments holding records after {@code afterSequence}.
     *
     * @throws JournalRangeUnavailableException if the journal's oldest segment starts after
     *                                          {@code afterSequence + 1} (older records were deleted)
     */
    public static <C> JournalReader<C> open(Path directory, Codec<C> codec, long afterSequence) throws IOException {
        if (afterSequence < 0) {
            throw new IllegalArgumentException("afterSequence must be >= 0, got " + afterSequence);
        }
        JournalReader<C> reader = new JournalReader<>(directory, codec, afterSequence);
        try {
            List<SegmentFile> all = JournalFiles.list(directory);
            int start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).firstSequence() <= afterSequence + 1) {
                    start = i;
                }
            }
            if (start < 0 && !all.isEmpty()) {
                throw new JournalRangeUnavailableException("Records after sequence " + afterSequence + " are no longer in the "
                        + "journal " + directory + ": its oldest segment starts at " + all.getFirst().firstSequence());
            }
            for (int i = Math.max(start, 0); i < all.size(); i++) {
                reader.segments.add(openSegment(all.get(i)));
            }
            return reader;
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static OpenSegment openSegment(SegmentFile file) throws IOException {
        return new OpenSegment(file.path(), file.firstSequence(), FileChannel.open(file.path(), StandardOpenOption.READ));
    }

    /**
     * Delivers the records in ({@code afterSequence}, {@code upToSequence}] not delivered yet; may be
     * called again with a larger bound. With {@link Long#MAX_VALUE} it reads to the end of the journal.
     *
     * @return the last sequence delivered so far ({@code afterSequence} if none)
     * @throws JournalCorruptedException         on a bad record, a gap or a corrupt header
     * @throws JournalRangeUnavailableException if the journal ends before {@code upToSequence}
     */
    public long replay(long upToSequence, JournalRecordHandler<? super C> handler) throws IOException {
        if (delivered >= upToSequence) {
            return delivered;
        }
        while (true) {
            if (current == null && !nextSegment()) {
                return endOfJournal(upToSequence);
            }
            RecordCursor.Status status = current.cursor.readAt(position);
            switch (status) {
                case RECORD -> {
                    RecordCursor cursor = current.cursor;
                    long sequence = cursor.sequence();
                    if (sequence != lastSequence + 1) {
                        throw new JournalCorruptedException("Sequence gap in journal segment " + current.segment.path()
                                + " at byte " + position + ": expected " + (lastSequence + 1) + ", found " + sequence);
                    }
                    if (cursor.timestamp() < lastTimestamp) {
                        throw new JournalCorruptedException("Timestamp goes backwards at sequence " + sequence + " in "
                                + current.segment.path());
                    }
                    lastSequence = sequence;
                    lastTimestamp = cursor.timestamp();
                    position += cursor.recordLength();
                    if (sequence > afterSequence) {
                        input.reset(cursor.buffer(), cursor.payloadOffset(), cursor.payloadLength());
                        C command = codec.read(input);
                        if (input.remaining() != 0) {
                            throw new IOException("Codec " + codec.getClass().getName() + " left " + input.remaining()
                                    + " of " + cursor.payloadLength() + " bytes unread in record " + sequence
                                    + ": its read and write disagree");
                        }
                        handler.onRecord(sequence, cursor.timestamp(), command);
                        delivered = sequence;
                        if (sequence >= upToSequence) {
                            return delivered;
                        }
                    }
                }
                case END, ZEROS -> { // the end of the file, or of the data before preallocated zeros
                    current.close();
                    current = null;
                }
                default -> throw new JournalCorruptedException("Invalid record (" + status + ") in journal segment "
                        + current.segment.path() + " at byte " + position + " after sequence " + lastSequence
                        + (segments.isEmpty()
                                ? ": a torn tail of the last segment (JournalWriter.open truncates it) or a read past "
                                        + "the written end"
                                : ": corruption in the middle of the journal (later segments exist)"));
            }
        }
    }

    private long endOfJournal(long upToSequence) throws JournalRangeUnavailableException {
        if (upToSequence == Long.MAX_VALUE) {
            return delivered;
        }
        throw new JournalRangeUnavailableException("Journal " + directory + " ends at sequence " + Math.max(lastSequence, afterSequence)
                + ", before the requested " + upToSequence);
    }

    /** Moves to the next segment, looking for one rolled since {@link #open}; false at the end. */
    private boolean nextSegment() throws IOException {
        if (segments.isEmpty() && lastSequence >= 0) {
            for (SegmentFile file : JournalFiles.list(directory)) {
                if (file.firstSequence() == lastSequence + 1) {
                    segments.add(openSegment(file));
                }
            }
        }
        OpenSegment next = segments.poll();
        if (next == null) {
            return false;
        }
        Current opened = new Current(next);
        try {
            byte[] headerBytes = new byte[SEGMENT_HEADER_SIZE];
            int read = next.channel.read(ByteBuffer.wrap(headerBytes), 0);
            SegmentHeader header = read == SEGMENT_HEADER_SIZE ? SegmentHeader.parse(headerBytes) : null;
            if (header == null || header.firstSequence() != next.firstSequence) {
                throw new JournalCorruptedException("Journal segment " + next.path + " has a corrupt or mismatched header");
            }
            if (lastSequence >= 0 && header.firstSequence() != lastSequence + 1) {
                throw new JournalCorruptedException("Sequence gap between journal segments: expected " + (lastSequence + 1)
                        + ", segment " + next.path + " starts at " + header.firstSequence());
            }
            lastSequence = header.firstSequence() - 1;
            lastTimestamp = Math.max(lastTimestamp, header.baseTimestamp());
            current = opened;
            position = SEGMENT_HEADER_SIZE;
            return true;
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private static final class Current {
        final OpenSegment segment;
        final RecordCursor cursor;

        Current(OpenSegment segment) throws IOException {
            this.segment = segment;
            this.cursor = new RecordCursor(segment.channel());
        }

        void close() throws IOException {
            segment.channel().close();
        }
    }

    /** Last sequence seen (delivered or skipped), or -1 before the first segment was read. */
    public long lastSequence() {
        return lastSequence;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                failure = e;
            }
            current = null;
        }
        for (OpenSegment segment : segments) {
            try {
                segment.channel().close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        segments.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
