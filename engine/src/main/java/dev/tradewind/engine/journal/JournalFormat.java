package dev.tradewind.engine.journal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * On-disk layout of journal segments (all integers big-endian).
 *
 * <pre>
 * segment header (32 bytes)
 *   0  int   magic 0x54574A4C ("TWJL")
 *   4  int   version (1)
 *   8  long  first sequence in this segment
 *   16 long  base timestamp (timestamp of the record before the first one, 0 if none)
 *   24 int   CRC32C of bytes [0, 24)
 *   28 int   reserved, 0
 * record (28-byte header + payload), repeated
 *   0  int   payload length n
 *   4  int   CRC32C of bytes [0, 4) and [8, 28 + n)
 *   8  long  sequence
 *   16 long  timestamp, epoch nanoseconds
 *   24 int   batch offset: sequence minus the first sequence of the group commit it was written in
 *   28 n bytes of payload: the command, as written by its Codec
 * </pre>
 *
 * The batch offset lets tail repair tell a torn last group commit (truncate) from damage to an earlier,
 * already fsynced one (fail).
 *
 * <p>The last segment may end in preallocated zeros (see {@link JournalConfig#preallocateBytes()}): an
 * all-zero record header where the next record would start marks the end of the data (no real record
 * has one: sequences start at 1), and everything after it must be zero too. A clean close and a
 * segment roll cut the zeros off.
 */
final class JournalFormat {
    static final int SEGMENT_MAGIC = 0x54574A4C;
    static final int VERSION = 1;
    static final int SEGMENT_HEADER_SIZE = 32;
    static final int RECORD_HEADER_SIZE = 28;
    /** Upper bound on a command's encoded size; larger length fields are treated as corruption. */
    static final int MAX_PAYLOAD = 16 << 20;

    static final String SEGMENT_PREFIX = "journal-";
    static final String SEGMENT_SUFFIX = ".seg";

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private JournalFormat() {
    }

    static String segmentName(long firstSequence) {
        return SEGMENT_PREFIX + String.format("%020d", firstSequence) + SEGMENT_SUFFIX;
    }

    /** The first sequence encoded in a segment file name, or -1 if the name is not a segment's. */
    static long parseSegmentName(String name) {
        if (!name.startsWith(SEGMENT_PREFIX) || !name.endsWith(SEGMENT_SUFFIX)
                || name.length() != SEGMENT_PREFIX.length() + 20 + SEGMENT_SUFFIX.length()) {
            return -1;
        }
        String digits = name.substring(SEGMENT_PREFIX.length(), SEGMENT_PREFIX.length() + 20);
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return -1;
            }
        }
        return Long.parseLong(digits);
    }

    static byte[] segmentHeader(long firstSequence, long baseTimestamp) {
        byte[] header = new byte[SEGMENT_HEADER_SIZE];
        INT.set(header, 0, SEGMENT_MAGIC);
        INT.set(header, 4, VERSION);
        LONG.set(header, 8, firstSequence);
        LONG.set(header, 16, baseTimestamp);
        CRC32C crc = new CRC32C();
        crc.update(header, 0, 24);
        INT.set(header, 24, (int) crc.getValue());
        return header;
    }

    /** Parsed segment header, or null if the bytes are not a valid one. */
    record SegmentHeader(long firstSequence, long baseTimestamp) {
        static SegmentHeader parse(byte[] header) {
            if (header.length < SEGMENT_HEADER_SIZE
                    || (int) INT.get(header, 0) != SEGMENT_MAGIC
                    || (int) INT.get(header, 4) != VERSION) {
                return null;
            }
            CRC32C crc = new CRC32C();
            crc.update(header, 0, 24);
            if ((int) crc.getValue() != (int) INT.get(header, 24)) {
                return null;
            }
            return new SegmentHeader((long) LONG.get(header, 8), (long) LONG.get(header, 16));
        }
    }

    static int getInt(byte[] b, int at) {
        return (int) INT.get(b, at);
    }

    static long getLong(byte[] b, int at) {
        return (long) LONG.get(b, at);
    }

    static void putInt(byte[] b, int at, int v) {
        INT.set(b, at, v);
    }

    static void putLong(byte[] b, int at, long v) {
        LONG.set(b, at, v);
    }

    /** CRC of a record whose header starts at {@code at}, as stored in its CRC field. */
    static int recordCrc(CRC32C crc, byte[] b, int at, int payloadLength) {
        crc.reset();
        crc.update(b, at, 4);
        crc.update(b, at + 8, RECORD_HEADER_SIZE - 8 + payloadLength);
        return (int) crc.getValue();
    }
}
