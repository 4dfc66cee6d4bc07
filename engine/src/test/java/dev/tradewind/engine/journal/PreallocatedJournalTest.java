package dev.tradewind.engine.journal;

import static dev.tradewind.engine.journal.JournalTestSupport.CODEC;
import static dev.tradewind.engine.journal.JournalTestSupport.readAll;
import static dev.tradewind.engine.journal.JournalTestSupport.recordEnds;
import static dev.tradewind.engine.journal.JournalTestSupport.segments;
import static dev.tradewind.engine.journal.JournalTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewind.engine.sequencer.BankCommand;
import dev.tradewind.engine.sequencer.BankCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segments that end in preallocated zeros while open: readers and tail repair take an all-zero record
 * header followed by zeros only as the end of the data, never a zeroed hole with data after it.
 */
class PreallocatedJournalTest {
    private static final long PREALLOCATE = 64 * 1024;

    @TempDir
    Path dir;

    private final List<LogRecord> warnings = new ArrayList<>();
    private final Logger journalLog = Logger.getLogger(JournalWriter.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private final List<BankCommand> commands = BankCommands.random(11, 300);
    /** Record end offsets of the 300 records, and the segment as a crash would leave it (zeros after the data). */
    private List<Long> ends;
    private byte[] crashed;

    @BeforeEach
    void writeJournal() throws IOException {
        journalLog.addHandler(capture);
        JournalConfig config = config(dir.resolve("original"));
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config, CODEC)) {
            write(writer, commands, new int[] {100, 100, 60, 40}); // last group commit: 261..300
            Path segment = segments(config.directory()).getFirst();
            crashed = Files.readAllBytes(segment);
            assertThat(readAll(config.directory(), 0)).as("a live reader stops at the zeros").hasSize(300);
        }
        Path segment = segments(config.directory()).getFirst();
        ends = recordEnds(segment);
        assertThat(ends).hasSize(300);
        assertThat(Files.size(segment)).as("close cuts the zeros off").isEqualTo(ends.getLast());
        assertThat(crashed.length).as("zeros ahead of the data while open").isGreaterThan((int) (ends.getLast() + PREALLOCATE / 2));
        for (long i = ends.getLast(); i < crashed.length; i++) {
            assertThat(crashed[(int) i]).isZero();
        }
    }

    @AfterEach
    void detach() {
        journalLog.removeHandler(capture);
    }

    private static JournalConfig config(Path directory) {
        return JournalConfig.defaults(directory).withPreallocateBytes(PREALLOCATE);
    }

    private Path crashCopy(byte[] bytes) throws IOException {
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        Files.write(copy.resolve(JournalFormat.segmentName(1)), bytes);
        return copy;
    }

    @Test
    void zerosAfterTheDataAreTheEndNotATornTail() throws IOException {
        Path copy = crashCopy(crashed);
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config(copy), CODEC)) {
            assertThat(writer.lastSequence()).isEqualTo(300);
            writer.append(301, 301_000, commands.get(7));
            writer.commit();
        }
        assertThat(warnings).as("nothing torn").isEmpty();
        List<JournalTestSupport.Entry> all = readAll(copy, 0);
        assertThat(all).hasSize(301);
        assertThat(all.getLast().command()).isEqualTo(commands.get(7));
    }

    @Test
    void aTornRecordBeforeTheZerosIsTruncated() throws IOException {
        byte[] torn = crashed.clone();
        int from = (int) (ends.get(298) + (ends.get(299) - ends.get(298)) / 2); // second half of record 300 never written
        Arrays.fill(torn, from, (int) (long) ends.get(299), (byte) 0);
        Path copy = crashCopy(torn);
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config(copy), CODEC)) {
            assertThat(writer.lastSequence()).isEqualTo(299);
        }
        assertThat(warnings).anyMatch(r -> r.getMessage().contains("torn or corrupt tail"));
        assertThat(Files.size(copy.resolve(JournalFormat.segmentName(1)))).isEqualTo(ends.get(298));
    }

    @Test
    void aZeroedHoleInDurableDataIsCorruptionNotTheEnd() throws IOException {
        byte[] holed = crashed.clone();
        // Records 150..160 of the second group commit read as zeros; the third and fourth commits follow.
        Arrays.fill(holed, (int) (long) ends.get(148), (int) (long) ends.get(159), (byte) 0);
        Path copy = crashCopy(holed);
        long size = holed.length;
        assertThatThrownBy(() -> JournalWriter.open(config(copy), CODEC))
                .isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining("corruption in the middle")
                .hasMessageContaining("after sequence 149");
        assertThat(Files.size(copy.resolve(JournalFormat.segmentName(1)))).as("nothing truncated").isEqualTo(size);
    }

    @Test
    void garbageAfterTheZerosIsATornTailToTruncate() throws IOException {
        byte[] garbage = crashed.clone();
        for (int i = garbage.length - 100; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31 + 7);
        }
        Path copy = crashCopy(garbage);
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config(copy), CODEC)) {
            assertThat(writer.lastSequence()).isEqualTo(300);
        }
        assertThat(warnings).anyMatch(r -> r.getMessage().contains("torn or corrupt tail"));
        assertThat(Files.size(copy.resolve(JournalFormat.segmentName(1)))).isEqualTo(ends.getLast());
    }

    @Test
    void rollsAndReadsAcrossPreallocatedSegments() throws IOException {
        JournalConfig small = config(dir.resolve("small")).withSegmentSizeBytes(4096);
        List<BankCommand> many = BankCommands.random(12, 2000);
        try (JournalWriter<BankCommand> writer = JournalWriter.open(small, CODEC)) {
            int[] sizes = new int[200];
            Arrays.fill(sizes, 10);
            write(writer, many, sizes);
            assertThat(readAll(small.directory(), 0)).hasSize(2000);
        }
        List<Path> files = segments(small.directory());
        assertThat(files.size()).isGreaterThan(10);
        for (Path file : files) {
            assertThat(Files.size(file)).as("finished segments keep only their data").isLessThanOrEqualTo(4096 + 1024);
        }
        List<JournalTestSupport.Entry> all = readAll(small.directory(), 0);
        assertThat(all).hasSize(2000);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).command()).isEqualTo(many.get(i));
        }
    }
}
