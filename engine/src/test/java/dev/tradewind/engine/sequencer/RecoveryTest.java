package dev.tradewind.engine.sequencer;

import static dev.tradewind.engine.sequencer.SequencerTestSupport.CODEC;
import static dev.tradewind.engine.sequencer.SequencerTestSupport.smallConfig;
import static dev.tradewind.engine.sequencer.SequencerTestSupport.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewind.engine.journal.JournalRangeUnavailableException;
import dev.tradewind.engine.journal.JournalWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recovery (snapshot + journal replay) must equal an uninterrupted run, over seeded random streams. */
class RecoveryTest {
    @TempDir
    Path root;

    @Test
    void recoveredStateEqualsAnUninterruptedRun() throws IOException {
        long base = System.nanoTime();
        for (int round = 0; round < 6; round++) {
            long seed = base + round;
            try {
                checkSeed(root.resolve("round-" + round), seed);
            } catch (AssertionError | IOException | RuntimeException e) {
                throw new AssertionError("RecoveryTest failed for seed " + seed + ": " + e, e);
            }
        }
    }

    private static void checkSeed(Path dir, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int maxBatch = 1 + random.nextInt(64);
        SequencerConfig config = smallConfig(dir)
                .withQueueCapacity(8192)
                .withMaxBatchSize(maxBatch)
                .withSnapshots(random.nextInt(4) == 0 ? 0 : 50 + random.nextInt(400), 2 + random.nextInt(2))
                .withSegmentSizeBytes(4096L << random.nextInt(5));
        int count = 1000 + random.nextInt(2000);
        List<BankCommand> commands = BankCommands.random(seed, count);
        List<CompletableFuture<BankResult>> singles = new ArrayList<>();
        List<CompletableFuture<List<BankResult>>> batches = new ArrayList<>();
        long liveHash;
        try (var sequencer = start(config)) {
            for (int i = 0; i < count; ) {
                int chunk = Math.min(count - i, 1 + random.nextInt(maxBatch));
                if (random.nextBoolean()) {
                    batches.add(sequencer.submitAll(commands.subList(i, i + chunk)));
                } else {
                    for (int j = i; j < i + chunk; j++) {
                        singles.add(sequencer.submit(commands.get(j)));
                    }
                }
                i += chunk;
            }
            liveHash = sequencer.query(BankMachine::stateHash).join();
        }
        long[] timestamps = new long[count];
        Stream.concat(singles.stream().map(CompletableFuture::join), batches.stream().flatMap(f -> f.join().stream()))
                .forEach(result -> timestamps[(int) result.sequence() - 1] = result.timestamp());
        assertThat(liveHash).isEqualTo(BankCommands.run(commands, count, timestamps).stateHash());

        // a) plain restart
        assertRecovers(config, count, liveHash);

        // b) the newest snapshot is gone: an older one plus a longer replay
        List<Path> snapshots = snapshotFiles(config);
        if (snapshots.size() >= 2) {
            Files.delete(snapshots.getLast());
            assertRecovers(config, count, liveHash);
        }

        // c) the newest snapshot is corrupt: fall back to the previous one
        snapshots = snapshotFiles(config);
        if (snapshots.size() >= 2) {
            byte[] bytes = Files.readAllBytes(snapshots.getLast());
            bytes[bytes.length / 2] ^= 1;
            Files.write(snapshots.getLast(), bytes);
            assertRecovers(config, count, liveHash);
        }

        // d) a torn journal tail: recovery yields the state of the surviving prefix
        List<Path> segments;
        try (Stream<Path> files = Files.list(config.journalDirectory())) {
            segments = files.sorted().toList();
        }
        Path last = segments.getLast();
        byte[] bytes = Files.readAllBytes(last);
        if (bytes.length > 32) {
            int cut = 32 + random.nextInt(bytes.length - 32);
            Files.write(last, Arrays.copyOf(bytes, cut));
            long survived;
            try (JournalWriter<BankCommand> repaired = JournalWriter.open(config.journalConfig(), CODEC)) {
                survived = repaired.lastSequence();
            }
            snapshots = snapshotFiles(config);
            if (!snapshots.isEmpty() && sequenceOf(snapshots.getLast()) > survived) {
                assertThatThrownBy(() -> start(config).close()).hasMessageContaining("ahead of the journal");
                for (Path snapshot : snapshots) {
                    if (sequenceOf(snapshot) > survived) {
                        Files.delete(snapshot);
                    }
                }
            }
            boolean journalFromStart = segments.getFirst().getFileName().toString().equals("journal-00000000000000000001.seg");
            if (snapshotFiles(config).isEmpty() && !journalFromStart) {
                assertThatThrownBy(() -> start(config).close()).isInstanceOf(JournalRangeUnavailableException.class);
            } else {
                long prefixHash = BankCommands.run(commands, (int) survived, timestamps).stateHash();
                assertRecovers(config, survived, prefixHash);
            }
        }
    }

    private static void assertRecovers(SequencerConfig config, long sequence, long hash) throws IOException {
        try (var recovered = start(config)) {
            assertThat(recovered.recoveredSequence()).isEqualTo(sequence);
            assertThat(recovered.query(BankMachine::stateHash).join()).isEqualTo(hash);
        }
    }

    private static List<Path> snapshotFiles(SequencerConfig config) throws IOException {
        try (Stream<Path> files = Files.list(config.snapshotDirectory())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".snap"))
                    .sorted(Comparator.comparingLong(RecoveryTest::sequenceOf)).toList();
        }
    }

    private static long sequenceOf(Path snapshot) {
        String name = snapshot.getFileName().toString();
        return Long.parseLong(name.substring("snapshot-".length(), name.length() - ".snap".length()));
    }
}
