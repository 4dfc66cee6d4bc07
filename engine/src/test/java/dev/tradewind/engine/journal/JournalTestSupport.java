package dev.tradewind.engine.journal;

import dev.tradewind.engine.sequencer.BankCodec;
import dev.tradewind.engine.sequencer.BankCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/** Helpers to build and damage journals in tests. */
final class JournalTestSupport {
    static final BankCodec CODEC = new BankCodec();

    private JournalTestSupport() {
    }

    record Entry(long sequence, long timestamp, BankCommand command) {
    }

    /** Appends the commands in group commits of the given sizes; timestamps are 1000 * sequence. */
    static void write(JournalWriter<BankCommand> writer, List<BankCommand> commands, int[] batchSizes) throws IOException {
        int next = 0;
        for (int size : batchSizes) {
            for (int i = 0; i < size && next < commands.size(); i++, next++) {
                long sequence = writer.lastSequence() + 1;
                writer.append(sequence, sequence * 1000, commands.get(next));
            }
            writer.commit();
        }
    }

    static List<Entry> readAll(Path dir, long after) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (JournalReader<BankCommand> reader = JournalReader.open(dir, CODEC, after)) {
            reader.replay(Long.MAX_VALUE, (s, t, c) -> entries.add(new Entry(s, t, c)));
        }
        return entries;
    }

    /** End offsets of the records of one segment file, in order. */
    static List<Long> recordEnds(Path segment) throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        List<Long> ends = new ArrayList<>();
        int at = JournalFormat.SEGMENT_HEADER_SIZE;
        while (at + JournalFormat.RECORD_HEADER_SIZE <= bytes.length) {
            int length = JournalFormat.getInt(bytes, at);
            int end = at + JournalFormat.RECORD_HEADER_SIZE + length;
            if (end > bytes.length) {
                break;
            }
            ends.add((long) end);
            at = end;
        }
        return ends;
    }

    static void flipByte(Path file, long offset) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            bytes[(int) offset] ^= 0x5A;
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> segments(Path dir) throws IOException {
        return JournalFiles.list(dir).stream().map(JournalFiles.SegmentFile::path).toList();
    }

    /** A raw, valid record (for crafting journals the writer would refuse to produce). */
    static byte[] record(long sequence, long timestamp, int batchOffset, BankCommand command) throws IOException {
        BufferDataOutput out = new BufferDataOutput(64);
        out.position(JournalFormat.RECORD_HEADER_SIZE);
        CODEC.write(command, out);
        int length = out.position() - JournalFormat.RECORD_HEADER_SIZE;
        out.putInt(0, length);
        out.putLong(8, sequence);
        out.putLong(16, timestamp);
        out.putInt(24, batchOffset);
        out.putInt(4, JournalFormat.recordCrc(new CRC32C(), out.array(), 0, length));
        return out.toByteArray();
    }

    static void writeSegment(Path dir, long firstSequence, byte[]... records) throws IOException {
        Files.createDirectories(dir);
        BufferDataOutput out = new BufferDataOutput(1024);
        out.write(JournalFormat.segmentHeader(firstSequence, 0));
        for (byte[] record : records) {
            out.write(record);
        }
        Files.write(dir.resolve(JournalFormat.segmentName(firstSequence)), out.toByteArray());
    }
}
