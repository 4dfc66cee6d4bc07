package dev.tradewind.engine.journal;

import static dev.tradewind.engine.journal.JournalTestSupport.CODEC;
import static dev.tradewind.engine.journal.JournalTestSupport.flipByte;
import static dev.tradewind.engine.journal.JournalTestSupport.readAll;
import static dev.tradewind.engine.journal.JournalTestSupport.recordEnds;
import static dev.tradewind.engine.journal.JournalTestSupport.segments;
import static dev.tradewind.engine.journal.JournalTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewind.engine.journal.JournalTestSupport.Entry;
import dev.tradewind.engine.sequencer.BankCommand;
import dev.tradewind.engine.sequencer.BankCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    private JournalConfig config() {
        return JournalConfig.defaults(dir.resolve("journal"));
    }

    private static int[] batches(long seed, int total, int maxBatch) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> sizes = new ArrayList<>();
        int sum = 0;
        while (sum < total) {
            int size = Math.min(total - sum, 1 + random.nextInt(maxBatch));
            sizes.add(size);
            sum += size;
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void assertMatches(List<Entry> entries, List<BankCommand> commands, long after) {
        assertThat(entries).hasSize((int) (commands.size() - after));
        for (int i = 0; i < entries.size(); i++) {
            long sequence = after + i + 1;
            assertThat(entries.get(i)).isEqualTo(new Entry(sequence, sequence * 1000, commands.get((int) sequence - 1)));
        }
    }

    @Test
    void roundTripAcrossSegmentsAndReopen() throws IOException {
        List<BankCommand> commands = BankCommands.random(1, 2000);
        JournalConfig config = config().withSegmentSizeBytes(16 * 1024);
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config, CODEC)) {
            write(writer, commands.subList(0, 1000), batches(1, 1000, 40));
        }
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config, CODEC)) {
            assertThat(writer.lastSequence()).isEqualTo(1000);
            assertThat(writer.lastTimestamp()).isEqualTo(1000 * 1000);
            write(writer, commands.subList(1000, 2000), batches(2, 1000, 40));
        }
        assertThat(segments(config.directory()).size()).isGreaterThan(5);
        assertMatches(readAll(config.directory(), 0), commands, 0);
        assertMatches(readAll(config.directory(), 1234), commands, 1234);
        assertMatches(readAll(config.directory(), 2000), commands, 2000);

        List<Entry> partial = new ArrayList<>();
        try (JournalReader<BankCommand> reader = JournalReader.open(config.directory(), CODEC, 10)) {
            assertThat(reader.replay(20, (s, t, c) -> partial.add(new Entry(s, t, c)))).isEqualTo(20);
            assertThat(reader.replay(25, (s, t, c) -> partial.add(new Entry(s, t, c)))).isEqualTo(25);
        }
        assertThat(partial).extracting(Entry::sequence).containsExactlyElementsOf(
                IntStream.rangeClosed(11, 25).mapToObj(Long::valueOf).toList());
    }

    @Test
    void perBatchPolicyForcesOncePerGroupCommit() throws IOException {
        List<BankCommand> commands = BankCommands.random(2, 500);
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config(), CODEC)) {
            int[] sizes = batches(3, 500, 30);
            write(writer, commands, sizes);
            assertThat(writer.forces()).isEqualTo(sizes.length);
            assertThat(writer.fsyncLatency().getTotalCount()).isEqualTo(sizes.length);
            assertThat(writer.durableSequence()).isEqualTo(500);
            assertThat(writer.commit()).as("commit of an empty batch is durable and forces nothing").isTrue();
            assertThat(writer.forces()).isEqualTo(sizes.length);
        }
    }

    @Test
    void intervalPolicyForcesAtMostOncePerInterval() throws IOException {
        JournalConfig config = config().withDurability(DurabilityPolicy.INTERVAL, Duration.ofHours(1));
        List<BankCommand> commands = BankCommands.random(3, 100);
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config, CODEC)) {
            write(writer, commands, batches(4, 100, 10));
            assertThat(writer.forces()).isZero();
            assertThat(writer.writtenSequence()).isEqualTo(100);
            assertThat(writer.durableSequence()).isZero();
            assertThat(writer.nanosUntilForceDue()).isPositive().isLessThan(Long.MAX_VALUE);
            assertThat(readAll(config.directory(), 0)).as("written data is readable before fsync").hasSize(100);
        }
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config.withDurability(DurabilityPolicy.INTERVAL,
                Duration.ZERO), CODEC)) {
            write(writer, BankCommands.random(5, 30), new int[] {10, 10, 10});
            assertThat(writer.forces()).as("interval 0 forces every commit").isEqualTo(3);
        }
    }

    @Test
    void tornTailAtRandomOffsetsIsTruncatedAndAppendable() throws IOException {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        Path original = dir.resolve("original");
        List<BankCommand> commands = BankCommands.random(seed, 300);
        try (JournalWriter<BankCommand> writer = JournalWriter.open(JournalConfig.defaults(original), CODEC)) {
            write(writer, commands, batches(seed, 300, 20));
        }
        Path segment = segments(original).getFirst();
        byte[] bytes = Files.readAllBytes(segment);
        List<Long> ends = recordEnds(segment);
        for (int trial = 0; trial < 40; trial++) {
            int cut = JournalFormat.SEGMENT_HEADER_SIZE + random.nextInt(bytes.length - JournalFormat.SEGMENT_HEADER_SIZE);
            int complete = (int) ends.stream().filter(end -> end <= cut).count();
            long expectedEnd = complete == 0 ? JournalFormat.SEGMENT_HEADER_SIZE : ends.get(complete - 1);
            Path copy = dir.resolve("trial-" + trial);
            Files.createDirectories(copy);
            Path torn = copy.resolve(segment.getFileName());
            Files.write(torn, Arrays.copyOf(bytes, cut));
            String context = "seed " + seed + ", cut at byte " + cut;
            try (JournalWriter<BankCommand> writer = JournalWriter.open(JournalConfig.defaults(copy), CODEC)) {
                assertThat(writer.lastSequence()).as(context).isEqualTo(complete);
                assertThat(Files.size(torn)).as(context).isEqualTo(expectedEnd);
                long next = writer.lastSequence() + 1;
                writer.append(next, next * 1000, commands.get((int) next - 1));
                writer.commit();
            }
            assertMatches(readAll(copy, 0), commands.subList(0, complete + 1), 0);
        }
    }

    @Test
    void crcCorruptTailIsTruncated() throws IOException {
        List<BankCommand> commands = BankCommands.random(6, 50);
        Path journal = config().directory();
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config(), CODEC)) {
            write(writer, commands, new int[] {20, 20, 10});
        }
        Path segment = segments(journal).getFirst();
        List<Long> ends = recordEnds(segment);
        flipByte(segment, ends.get(48) + JournalFormat.RECORD_HEADER_SIZE); // payload of record 50
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config(), CODEC)) {
            assertThat(writer.lastSequence()).isEqualTo(49);
        }
        assertThat(Files.size(segment)).isEqualTo(ends.get(48));
        assertMatches(readAll(journal, 0), commands.subList(0, 49), 0);

        flipByte(segment, ends.get(47)); // length field of record 49
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config(), CODEC)) {
            assertThat(writer.lastSequence()).isEqualTo(48);
        }
    }

    @Test
    void damageInsideTheLastGroupCommitIsATornTailEvenIfLaterRecordsOfItSurvived() throws IOException {
        List<BankCommand> commands = BankCommands.random(7, 40);
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config(), CODEC)) {
            write(writer, commands, new int[] {20, 10, 10}); // last group commit = 31..40
        }
        Path segment = segments(config().directory()).getFirst();
        List<Long> ends = recordEnds(segment);
        flipByte(segment, ends.get(32) + 10); // inside record 34; 35..40 stay valid (pages written out of order)
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config(), CODEC)) {
            assertThat(writer.lastSequence()).isEqualTo(33);
        }
        assertThat(Files.size(segment)).isEqualTo(ends.get(32));
    }

    @Test
    void corruptionInTheMiddleThrowsAndTruncatesNothing() throws IOException {
        List<BankCommand> commands = BankCommands.random(8, 40);
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config(), CODEC)) {
            write(writer, commands, new int[] {20, 10, 10});
        }
        Path segment = segments(config().directory()).getFirst();
        List<Long> ends = recordEnds(segment);
        flipByte(segment, ends.get(24) + 30); // record 26, in the second group commit; the third follows
        long size = Files.size(segment);
        assertThatThrownBy(() -> JournalWriter.open(config(), CODEC))
                .isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining("corruption in the middle")
                .hasMessageContaining("after sequence 25");
        assertThat(Files.size(segment)).isEqualTo(size);
        assertThatThrownBy(() -> readAll(config().directory(), 0)).isInstanceOf(JournalCorruptedException.class);
    }

    @Test
    void corruptionInAnEarlierSegmentFailsTheReplay() throws IOException {
        JournalConfig config = config().withSegmentSizeBytes(4096);
        List<BankCommand> commands = BankCommands.random(9, 400);
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config, CODEC)) {
            write(writer, commands, batches(9, 400, 10));
        }
        Path first = segments(config.directory()).getFirst();
        flipByte(first, recordEnds(first).get(2) + 5);
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config, CODEC)) {
            assertThat(writer.lastSequence()).isEqualTo(400); // only the last segment is scanned at open
        }
        assertThatThrownBy(() -> readAll(config.directory(), 0))
                .isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining("middle");
    }

    @Test
    void sequenceGapsAreDetected() throws IOException {
        Path journal = dir.resolve("gap");
        BankCommand command = new BankCommand.Deposit(1, 5);
        JournalTestSupport.writeSegment(journal, 1,
                JournalTestSupport.record(1, 10, 0, command),
                JournalTestSupport.record(2, 20, 0, command),
                JournalTestSupport.record(4, 30, 0, command));
        assertThatThrownBy(() -> JournalWriter.open(JournalConfig.defaults(journal), CODEC))
                .isInstanceOf(JournalCorruptedException.class).hasMessageContaining("gap");
        assertThatThrownBy(() -> readAll(journal, 0))
                .isInstanceOf(JournalCorruptedException.class).hasMessageContaining("gap");

        JournalConfig config = config().withSegmentSizeBytes(4096);
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config, CODEC)) {
            write(writer, BankCommands.random(10, 300), batches(10, 300, 10));
        }
        List<Path> segments = segments(config.directory());
        Files.delete(segments.get(2));
        assertThatThrownBy(() -> readAll(config.directory(), 0))
                .isInstanceOf(JournalCorruptedException.class).hasMessageContaining("gap between journal segments");
    }

    @Test
    void timestampGoingBackwardsIsCorruption() throws IOException {
        Path journal = dir.resolve("backwards");
        BankCommand command = new BankCommand.Deposit(1, 5);
        JournalTestSupport.writeSegment(journal, 1,
                JournalTestSupport.record(1, 10, 0, command),
                JournalTestSupport.record(2, 5, 0, command));
        assertThatThrownBy(() -> readAll(journal, 0)).isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining("Timestamp goes backwards");
    }

    @Test
    void appendValidatesAndCodecFailureLeavesTheBatchIntact() throws IOException {
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config(), CODEC)) {
            writer.append(1, 100, new BankCommand.Deposit(1, 1));
            assertThatThrownBy(() -> writer.append(3, 100, new BankCommand.Deposit(1, 1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> writer.append(2, 99, new BankCommand.Deposit(1, 1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> writer.append(2, 100, new BankCommand.Unencodable()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("could not encode");
            writer.append(2, 100, new BankCommand.Deposit(2, 2));
            writer.append(3, 200, new BankCommand.Deposit(3, 3));
            writer.discardPending(2);
            assertThat(writer.lastSequence()).isEqualTo(2);
            assertThat(writer.lastTimestamp()).isEqualTo(100);
            writer.commit();
        }
        assertThat(readAll(config().directory(), 0)).containsExactly(
                new Entry(1, 100, new BankCommand.Deposit(1, 1)), new Entry(2, 100, new BankCommand.Deposit(2, 2)));
    }

    @Test
    void deletedSegmentsMakeOlderRangesUnavailable() throws IOException {
        JournalConfig config = config().withSegmentSizeBytes(4096);
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config, CODEC)) {
            write(writer, BankCommands.random(11, 300), batches(11, 300, 10));
        }
        List<JournalFiles.SegmentFile> before = JournalFiles.list(config.directory());
        long keepFrom = before.get(3).firstSequence();
        int deleted = JournalFiles.deleteSegmentsUpTo(config.directory(), keepFrom + 2);
        assertThat(deleted).isEqualTo(3);
        assertThat(readAll(config.directory(), keepFrom + 2)).hasSize((int) (300 - keepFrom - 2));
        assertThat(readAll(config.directory(), keepFrom - 1)).hasSize((int) (300 - keepFrom + 1));
        assertThatThrownBy(() -> readAll(config.directory(), keepFrom - 2))
                .isInstanceOf(JournalRangeUnavailableException.class);
        assertThatThrownBy(() -> {
            try (JournalReader<BankCommand> reader = JournalReader.open(config.directory(), CODEC, 290)) {
                reader.replay(301, (s, t, c) -> { });
            }
        }).isInstanceOf(JournalRangeUnavailableException.class).hasMessageContaining("ends at sequence 300");
        JournalFiles.deleteSegmentsUpTo(config.directory(), Long.MAX_VALUE);
        assertThat(JournalFiles.list(config.directory())).as("the newest segment is never deleted").hasSize(1);
    }

    @Test
    void anOnlySegmentWithIncompleteHeaderGetsItsHeaderRebuilt() throws IOException {
        Path journal = config().directory();
        Files.createDirectories(journal);
        Path only = journal.resolve(JournalFormat.segmentName(101));
        Files.write(only, Arrays.copyOf(JournalFormat.segmentHeader(101, 5), 7));
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config(), CODEC)) {
            assertThat(writer.lastSequence()).isEqualTo(100);
            writer.append(101, 7, new BankCommand.Deposit(1, 1));
            writer.commit();
        }
        assertThat(readAll(journal, 100)).containsExactly(new Entry(101, 7, new BankCommand.Deposit(1, 1)));
    }

    @Test
    void segmentWithIncompleteHeaderIsDroppedButCorruptHeaderWithDataThrows() throws IOException {
        JournalConfig config = config();
        List<BankCommand> commands = BankCommands.random(12, 20);
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config, CODEC)) {
            write(writer, commands, new int[] {20});
        }
        Path half = config.directory().resolve(JournalFormat.segmentName(21));
        Files.write(half, Arrays.copyOf(JournalFormat.segmentHeader(21, 20_000), 10));
        try (JournalWriter<BankCommand> writer = JournalWriter.open(config, CODEC)) {
            assertThat(writer.lastSequence()).isEqualTo(20);
            assertThat(half).doesNotExist();
        }
        Path segment = segments(config.directory()).getFirst();
        Path backup = dir.resolve("backup");
        Files.copy(segment, backup);
        flipByte(segment, 9);
        assertThatThrownBy(() -> JournalWriter.open(config, CODEC)).isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining("corrupt header");
        Files.copy(backup, segment, StandardCopyOption.REPLACE_EXISTING);
        assertMatches(readAll(config.directory(), 0), commands, 0);
    }
}
