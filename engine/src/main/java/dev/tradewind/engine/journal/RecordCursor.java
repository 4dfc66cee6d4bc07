package dev.tradewind.engine.journal;

import static dev.tradewind.engine.journal.JournalFormat.MAX_PAYLOAD;
import static dev.tradewind.engine.journal.JournalFormat.RECORD_HEADER_SIZE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Reads and validates records at arbitrary offsets of one segment file through a sliding window of
 * positional reads (no mmap, so a concurrently appended or deleted file is harmless).
 */
final class RecordCursor {
    enum Status {
        /** A complete record with a valid CRC; its fields are readable. */
        RECORD,
        /** No byte at this offset: the file ends exactly here. */
        END,
        /** The file ends inside the record. */
        PARTIAL,
        /** The length field is impossible. */
        BAD_LENGTH,
        /** Complete, but the CRC does not match. */
        BAD_CRC,
        /** Rejected by the caller's sequence filter before the CRC was computed. */
        FILTERED,
        /** An all-zero record header: preallocated space, the end of the data if only zeros follow. */
        ZEROS
    }

    private final FileChannel channel;
    private final CRC32C crc = new CRC32C();
    private byte[] window = new byte[64 * 1024];
    private long windowStart;
    private int windowLength;
    private long knownSize;

    private long sequence;
    private long timestamp;
    private int batchOffset;
    private int payloadOffset;
    private int payloadLength;

    RecordCursor(FileChannel channel) throws IOException {
        this.channel = channel;
        this.knownSize = channel.size();
    }

    Status readAt(long position) throws IOException {
        return readAt(position, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * Validates the record at {@code position}; with a sequence range, anything whose sequence field
     * lies outside it is {@link Status#FILTERED} without paying for a CRC (used when scanning garbage).
     */
    Status readAt(long position, long minSequence, long maxSequence) throws IOException {
        if (!ensure(position, 1)) {
            return Status.END;
        }
        if (!ensure(position, RECORD_HEADER_SIZE)) {
            return Status.PARTIAL;
        }
        int at = (int) (position - windowStart);
        int length = JournalFormat.getInt(window, at);
        if (length == 0 && isZero(at, RECORD_HEADER_SIZE)) {
            return Status.ZEROS;
        }
        if (length < 0 || length > MAX_PAYLOAD) {
            return Status.BAD_LENGTH;
        }
        long seq = JournalFormat.getLong(window, at + 8);
        if (seq < minSequence || seq > maxSequence) {
            return Status.FILTERED;
        }
        if (!ensure(position, RECORD_HEADER_SIZE + length)) {
            return Status.PARTIAL;
        }
        at = (int) (position - windowStart);
        if (JournalFormat.recordCrc(crc, window, at, length) != JournalFormat.getInt(window, at + 4)) {
            return Status.BAD_CRC;
        }
        sequence = seq;
        timestamp = JournalFormat.getLong(window, at + 16);
        batchOffset = JournalFormat.getInt(window, at + 24);
        payloadOffset = at + RECORD_HEADER_SIZE;
        payloadLength = length;
        return Status.RECORD;
    }

    private boolean isZero(int at, int n) {
        for (int i = at; i < at + n; i++) {
            if (window[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Offset of the first non-zero byte at or after {@code position}, or the file size if there is none. */
    long firstNonZero(long position) throws IOException {
        long p = position;
        while (ensure(p, 1)) {
            int at = (int) (p - windowStart);
            for (int i = at; i < windowLength; i++) {
                if (window[i] != 0) {
                    return windowStart + i;
                }
            }
            p = windowStart + windowLength;
        }
        return Math.max(position, knownSize);
    }

    /** Makes file bytes [position, position + n) available in the window; false if the file is shorter. */
    private boolean ensure(long position, int n) throws IOException {
        if (position >= windowStart && position + n <= windowStart + windowLength) {
            return true;
        }
        if (position + n > knownSize) {
            knownSize = channel.size();
            if (position + n > knownSize) {
                return false;
            }
        }
        if (n > window.length) {
            window = new byte[Math.max(n, window.length * 2)];
        }
        windowStart = position;
        windowLength = 0;
        int wanted = (int) Math.min(window.length, knownSize - position);
        ByteBuffer target = ByteBuffer.wrap(window, 0, wanted);
        while (target.hasRemaining()) {
            int read = channel.read(target, position + target.position());
            if (read < 0) {
                break;
            }
        }
        windowLength = target.position();
        return windowLength >= n;
    }

    long sequence() {
        return sequence;
    }

    long timestamp() {
        return timestamp;
    }

    int batchOffset() {
        return batchOffset;
    }

    byte[] buffer() {
        return window;
    }

    int payloadOffset() {
        return payloadOffset;
    }

    int payloadLength() {
        return payloadLength;
    }

    int recordLength() {
        return RECORD_HEADER_SIZE + payloadLength;
    }
}
