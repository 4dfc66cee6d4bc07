package dev.tradewind.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewind.engine.command.Command;
import dev.tradewind.engine.command.CommandCodec;
import dev.tradewind.engine.core.MatchingEngine;
import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.journal.DurabilityPolicy;
import dev.tradewind.engine.journal.JournalCorruptedException;
import dev.tradewind.engine.result.Result;
import dev.tradewind.engine.sequencer.Sequencer;
import dev.tradewind.engine.sequencer.SequencerConfig;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged journal tail with the real engine: a torn or corrupt last group commit is detected, logged
 * and truncated, recovery reaches the state of an uninterrupted run of the intact prefix, and the engine
 * carries on appending; damage followed by a later group commit is refused, never truncated.
 */
class EngineJournalTailTest {
    private static final long SEED = 20_240_601L;
    private static final int COMMANDS = 400;

    @TempDir
    Path dir;

    private final List<LogRecord> warnings = new ArrayList<>();
    private final Logger journalLog = Logger.getLogger("dev.tradewind.engine.journal.JournalWriter");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                synchronized (warnings) {
                    warnings.add(record);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Journal size before and after the last command, which was its own group commit. */
    private long beforeLast;
    private long afterLast;

    @BeforeEach
    void writeJournal() throws IOException {
        journalLog.addHandler(capture);
        EngineCommandStream stream = new EngineCommandStream(SEED);
        // Sizes are read after each close, which cuts off the zeros the journal preallocates while open.
        try (var sequencer = start()) {
            List<Command> batch = new ArrayList<>();
            for (int i = 0; i < COMMANDS - 1; i++) {
                batch.add(stream.next());
                if (batch.size() == 50) {
                    sequencer.submitAll(batch).join();
                    batch.clear();
                }
            }
            sequencer.submitAll(batch).join();
        }
        beforeLast = Files.size(segment());
        try (var sequencer = start()) {
            assertThat(sequencer.submit(stream.next()).join().sequence()).isEqualTo(COMMANDS);
        }
        afterLast = Files.size(segment());
        // A crash would not have written the snapshot that a clean close writes: recover from the journal alone.
        deleteRecursively(dir.resolve("snapshots"));
        assertThat(afterLast).isGreaterThan(beforeLast);
    }

    @AfterEach
    void detach() {
        journalLog.removeHandler(capture);
    }

    @Test
    void tornLastRecordIsTruncatedAndRecoveryMatchesThePrefix() throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(segment().toFile(), "rw")) {
            file.setLength(beforeLast + (afterLast - beforeLast) / 2);
        }
        recoverToPrefixAndCarryOn(COMMANDS - 1);
    }

    @Test
    void corruptLastRecordIsTruncatedAndRecoveryMatchesThePrefix() throws IOException {
        flipByte(afterLast - 1); // in the payload: the record's CRC no longer matches
        recoverToPrefixAndCarryOn(COMMANDS - 1);
    }

    @Test
    void garbageAfterTheLastRecordIsTruncated() throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(segment().toFile(), "rw")) {
            file.seek(afterLast);
            byte[] garbage = new byte[97];
            new java.util.Random(SEED).nextBytes(garbage);
            file.write(garbage);
        }
        recoverToPrefixAndCarryOn(COMMANDS);
    }

    @Test
    void damageBeforeALaterGroupCommitIsRefusedNotTruncated() throws IOException {
        long size = Files.size(segment());
        flipByte(32 + 28 + 2); // in the first record's payload; many later group commits follow
        assertThatThrownBy(this::start).isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining("corruption in the middle");
        assertThat(Files.size(segment())).as("nothing truncated").isEqualTo(size);
    }

    private void recoverToPrefixAndCarryOn(long intact) throws IOException {
        EngineCommandStream stream = new EngineCommandStream(SEED);
        while (stream.generated() < intact) {
            stream.next();
        }
        try (var sequencer = start()) {
            assertThat(sequencer.recoveredSequence()).isEqualTo(intact);
            assertThat(sequencer.query(MatchingEngine::stateHash).join()).isEqualTo(stream.stateHash());
            assertThat(Files.size(segment())).as("truncated to the last intact record")
                    .isEqualTo(intact == COMMANDS ? afterLast : beforeLast);
            synchronized (warnings) {
                assertThat(warnings).as("the truncation is logged").anyMatch(r -> r.getMessage().contains("torn or corrupt tail"));
            }
            for (int i = 0; i < 30; i++) {
                Command command = stream.next();
                assertThat(sequencer.submit(command).join().sequence()).isEqualTo(stream.generated());
            }
            assertThat(sequencer.query(MatchingEngine::stateHash).join()).isEqualTo(stream.stateHash());
        }
        deleteRecursively(dir.resolve("snapshots"));
        try (var sequencer = start()) {
            assertThat(sequencer.recoveredSequence()).isEqualTo(stream.generated());
            assertThat(sequencer.query(MatchingEngine::stateHash).join()).isEqualTo(stream.stateHash());
        }
    }

    private Sequencer<Command, Result, EngineEvent, MatchingEngine> start() throws IOException {
        SequencerConfig config = SequencerConfig.defaults(dir).withSnapshots(0, 2)
                .withDurability(DurabilityPolicy.PER_BATCH, Duration.ofMillis(10));
        return Sequencer.start(config, new CommandCodec(), MatchingEngine::new, () -> EngineCommandStream.TIMESTAMP);
    }

    private Path segment() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
            List<Path> segments = files.filter(p -> p.getFileName().toString().endsWith(".seg")).sorted().toList();
            assertThat(segments).hasSize(1);
            return segments.getFirst();
        }
    }

    private void flipByte(long position) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(segment().toFile(), "rw")) {
            file.seek(position);
            int b = file.read();
            file.seek(position);
            file.write(b ^ 0x5A);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
