package dev.tradewind.engine.sequencer;

import static dev.tradewind.engine.sequencer.SequencerTestSupport.CODEC;
import static dev.tradewind.engine.sequencer.SequencerTestSupport.smallConfig;
import static dev.tradewind.engine.sequencer.SequencerTestSupport.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewind.engine.journal.DurabilityPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequencerTest {
    @TempDir
    Path dir;

    private static EngineErrorCode codeOf(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof EngineRejectedException rejected) {
                return rejected.code();
            }
            throw e;
        }
        throw new AssertionError("future completed normally: " + future.join());
    }

    private static long[] timestamps(List<BankResult> results) {
        return results.stream().mapToLong(BankResult::timestamp).toArray();
    }

    @Test
    void resultsComeBackInOrderAndTheStateSurvivesARestart() throws IOException {
        List<BankCommand> commands = BankCommands.random(1, 3000);
        List<CompletableFuture<BankResult>> futures = new ArrayList<>();
        long hash;
        List<BankResult> results;
        try (var sequencer = start(smallConfig(dir).withQueueCapacity(4096))) {
            for (BankCommand command : commands) {
                futures.add(sequencer.submit(command));
            }
            results = futures.stream().map(CompletableFuture::join).toList();
            hash = sequencer.query(BankMachine::stateHash).join();
            assertThat(sequencer.publishedSequence()).isEqualTo(3000);
        }
        assertThat(results).extracting(BankResult::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 3000).boxed().toList());
        assertThat(timestamps(results)).isSorted();
        assertThat(hash).isEqualTo(BankCommands.run(commands, 3000, timestamps(results)).stateHash());
        try (var restarted = start(smallConfig(dir))) {
            assertThat(restarted.recoveredSequence()).isEqualTo(3000);
            assertThat(restarted.query(BankMachine::stateHash).join()).isEqualTo(hash);
            assertThat(restarted.submit(new BankCommand.Deposit(1, 1)).join().sequence()).isEqualTo(3001);
        }
    }

    @Test
    void aFullQueueRejectsImmediatelyWithACode() throws Exception {
        try (var sequencer = start(smallConfig(dir).withQueueCapacity(8))) {
            CountDownLatch writerBlocked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> blocker = sequencer.query(machine -> {
                writerBlocked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            });
            assertThat(writerBlocked.await(10, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<BankResult>> accepted = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                accepted.add(sequencer.submit(new BankCommand.Deposit(i, 10)));
            }
            long start = System.nanoTime();
            CompletableFuture<BankResult> rejected = sequencer.submit(new BankCommand.Deposit(9, 10));
            CompletableFuture<List<BankResult>> rejectedBatch = sequencer.submitAll(List.of(new BankCommand.Deposit(9, 10)));
            long elapsed = System.nanoTime() - start;
            assertThat(rejected).isCompletedExceptionally();
            assertThat(codeOf(rejected)).isEqualTo(EngineErrorCode.ENGINE_OVERLOADED);
            assertThat(codeOf(rejectedBatch)).isEqualTo(EngineErrorCode.ENGINE_OVERLOADED);
            // The writer is blocked indefinitely: a blocking submit would hang, not just be slow.
            assertThat(elapsed).as("rejection must not wait").isLessThan(TimeUnit.SECONDS.toNanos(1));
            assertThat(accepted).noneMatch(CompletableFuture::isDone);
            release.countDown();
            blocker.join();
            assertThat(accepted.stream().map(CompletableFuture::join).map(BankResult::sequence))
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(sequencer.metrics().rejectedOverloaded()).isEqualTo(2);
        }
    }

    @Test
    void concurrentProducersAllGetResultsWithGapFreeSequences() throws Exception {
        int threads = 4;
        int perThread = 2500;
        List<List<BankResult>> perProducer = Collections.synchronizedList(new ArrayList<>());
        List<BankCommand>[] sent = new List[threads];
        long hash;
        try (var sequencer = start(smallConfig(dir).withQueueCapacity(16384))) {
            List<Thread> producers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                sent[t] = BankCommands.random(100 + t, perThread);
                producers.add(Thread.ofPlatform().start(() -> {
                    List<CompletableFuture<BankResult>> mine = new ArrayList<>();
                    List<CompletableFuture<List<BankResult>>> batches = new ArrayList<>();
                    List<BankCommand> commands = sent[id];
                    for (int i = 0; i < commands.size(); ) {
                        if (id % 2 == 0 && i % 100 == 0) {
                            batches.add(sequencer.submitAll(commands.subList(i, i + 10)));
                            i += 10;
                        } else {
                            mine.add(sequencer.submit(commands.get(i)));
                            i++;
                        }
                    }
                    List<BankResult> results = new ArrayList<>();
                    mine.forEach(f -> results.add(f.join()));
                    batches.forEach(f -> results.addAll(f.join()));
                    perProducer.add(results);
                }));
            }
            for (Thread producer : producers) {
                producer.join();
            }
            hash = sequencer.query(BankMachine::stateHash).join();
        }
        List<BankResult> all = perProducer.stream().flatMap(List::stream)
                .sorted((a, b) -> Long.compare(a.sequence(), b.sequence())).toList();
        assertThat(all).extracting(BankResult::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, threads * perThread).boxed().toList());
        // The journal tells which command got which sequence; the live hash must match a clean replay of it.
        try (var restarted = start(smallConfig(dir))) {
            assertThat(restarted.query(BankMachine::stateHash).join()).isEqualTo(hash);
        }
    }

    @Test
    void closeDrainsEverythingQueuedThenRejects() throws IOException {
        List<BankCommand> commands = BankCommands.random(2, 5000);
        List<CompletableFuture<BankResult>> futures = new ArrayList<>();
        var sequencer = start(smallConfig(dir).withQueueCapacity(8192));
        for (BankCommand command : commands) {
            futures.add(sequencer.submit(command));
        }
        sequencer.close();
        assertThat(futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(codeOf(sequencer.submit(new BankCommand.Deposit(1, 1)))).isEqualTo(EngineErrorCode.ENGINE_CLOSED);
        assertThat(codeOf(sequencer.query(BankMachine::stateHash))).isEqualTo(EngineErrorCode.ENGINE_CLOSED);
        sequencer.close(); // idempotent
        assertThat(Files.exists(dir.resolve("snapshots").resolve(String.format("snapshot-%020d.snap", 5000))))
                .as("clean close writes a snapshot").isTrue();
        long[] timestamps = timestamps(futures.stream().map(CompletableFuture::join).toList());
        try (var restarted = start(smallConfig(dir))) {
            assertThat(restarted.recoveredSequence()).isEqualTo(5000);
            assertThat(restarted.query(BankMachine::stateHash).join())
                    .isEqualTo(BankCommands.run(commands, 5000, timestamps).stateHash());
        }
    }

    @Test
    void queriesSeeEveryCommandSubmittedBefore() throws IOException {
        try (var sequencer = start(smallConfig(dir))) {
            for (int i = 0; i < 100; i++) {
                sequencer.submit(new BankCommand.Deposit(3, 10));
                long balance = sequencer.query(machine -> machine.balance(3)).join();
                assertThat(balance).isEqualTo(10L * (i + 1));
            }
            CompletableFuture<Long> failing = sequencer.query(machine -> {
                throw new IllegalArgumentException("bad query");
            });
            assertThatThrownBy(failing::join).hasCauseInstanceOf(IllegalArgumentException.class);
            assertThat(sequencer.submit(new BankCommand.Deposit(3, 10)).join().sequence()).isEqualTo(101);
        }
    }

    @Test
    void anUnencodableCommandIsRejectedWithoutConsumingASequence() throws IOException {
        try (var sequencer = start(smallConfig(dir))) {
            var first = sequencer.submit(new BankCommand.Deposit(1, 5));
            var bad = sequencer.submit(new BankCommand.Unencodable());
            var badBatch = sequencer.submitAll(List.of(new BankCommand.Deposit(1, 5), new BankCommand.Unencodable()));
            var next = sequencer.submit(new BankCommand.Deposit(1, 7));
            assertThat(first.join().sequence()).isEqualTo(1);
            assertThat(codeOf(bad)).isEqualTo(EngineErrorCode.ENGINE_COMMAND_NOT_ENCODABLE);
            assertThat(codeOf(badBatch)).isEqualTo(EngineErrorCode.ENGINE_COMMAND_NOT_ENCODABLE);
            assertThat(next.join().sequence()).isEqualTo(2);
            assertThat(sequencer.query(m -> m.balance(1)).join()).isEqualTo(12);
            assertThat(sequencer.metrics().rejectedUnencodable()).isEqualTo(2);
        }
        try (var restarted = start(smallConfig(dir))) {
            assertThat(restarted.recoveredSequence()).isEqualTo(2);
        }
    }

    @Test
    void aTooLargeBatchSubmitIsRejected() throws IOException {
        try (var sequencer = start(smallConfig(dir).withMaxBatchSize(4))) {
            assertThat(codeOf(sequencer.submitAll(BankCommands.random(3, 5)))).isEqualTo(EngineErrorCode.ENGINE_BATCH_TOO_LARGE);
            assertThat(sequencer.submitAll(BankCommands.random(3, 4)).join()).hasSize(4);
        }
    }

    @Test
    void aStateMachineThatThrowsHaltsTheEngineAndRecoveryDropsTheCommand() throws IOException {
        var sequencer = start(smallConfig(dir));
        var ok = sequencer.submit(new BankCommand.Deposit(0, 5));
        var boom = sequencer.submit(new BankCommand.Explode());
        var after = sequencer.submit(new BankCommand.Deposit(0, 7));
        assertThat(ok.join().sequence()).isEqualTo(1);
        assertThat(codeOf(boom)).isEqualTo(EngineErrorCode.ENGINE_HALTED);
        assertThat(codeOf(after)).isEqualTo(EngineErrorCode.ENGINE_HALTED);
        SequencerTestSupport.await("halt", sequencer::isHalted);
        assertThat(codeOf(sequencer.submit(new BankCommand.Deposit(0, 1)))).isEqualTo(EngineErrorCode.ENGINE_HALTED);
        sequencer.close();
        try (var restarted = start(smallConfig(dir))) {
            assertThat(restarted.recoveredSequence()).isEqualTo(1);
            assertThat(restarted.query(m -> m.balance(0)).join()).isEqualTo(5);
        }
    }

    @Test
    void timestampsNeverGoBackwardsEvenIfTheClockDoes() throws IOException {
        AtomicLong clock = new AtomicLong(1_000_000_000);
        try (var sequencer = Sequencer.start(smallConfig(dir), CODEC, BankMachine::new, () -> clock.addAndGet(-1000))) {
            List<CompletableFuture<BankResult>> futures = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                futures.add(sequencer.submit(new BankCommand.Deposit(1, 1)));
            }
            long[] timestamps = timestamps(futures.stream().map(CompletableFuture::join).toList());
            assertThat(timestamps).isSorted();
        }
        // after a restart the clock is clamped to the last journaled timestamp
        try (var sequencer = Sequencer.start(smallConfig(dir), CODEC, BankMachine::new, () -> 5)) {
            assertThat(sequencer.submit(new BankCommand.Deposit(1, 1)).join().timestamp()).isGreaterThan(5);
        }
    }

    @Test
    void snapshotsAreTakenEveryNCommandsAndOldJournalSegmentsDeleted() throws IOException {
        SequencerConfig config = smallConfig(dir).withSnapshots(200, 2).withSegmentSizeBytes(8 * 1024);
        List<BankCommand> commands = BankCommands.random(4, 3000);
        long hash;
        try (var sequencer = start(config)) {
            for (int i = 0; i < commands.size(); i += 50) {
                sequencer.submitAll(commands.subList(i, i + 50)).join();
            }
            hash = sequencer.query(BankMachine::stateHash).join();
            SequencerTestSupport.await("snapshots", () -> sequencer.metrics().snapshots() >= 5);
            assertThat(sequencer.metrics().snapshotPauseNanos().getTotalCount()).isGreaterThanOrEqualTo(5);
        }
        try (var files = Files.list(config.snapshotDirectory())) {
            assertThat(files.filter(p -> p.toString().endsWith(".snap")).count()).isEqualTo(2);
        }
        try (var files = Files.list(config.journalDirectory())) {
            List<String> segments = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(segments.getFirst()).as("old segments deleted").isNotEqualTo("journal-00000000000000000001.seg");
        }
        try (var restarted = start(config)) {
            assertThat(restarted.query(BankMachine::stateHash).join()).isEqualTo(hash);
        }
    }

    @Test
    void intervalDurabilityReleasesResultsBeforeFsync() throws IOException {
        SequencerConfig config = smallConfig(dir).withDurability(DurabilityPolicy.INTERVAL, Duration.ofHours(1));
        long hash;
        try (var sequencer = start(config)) {
            sequencer.submit(new BankCommand.Deposit(1, 1)).join(); // the first commit after a quiet hour may force
            long fsyncsBefore = sequencer.metrics().fsyncs();
            for (BankCommand command : BankCommands.random(5, 1000)) {
                sequencer.submit(command);
            }
            hash = sequencer.query(BankMachine::stateHash).join();
            SequencerMetrics metrics = sequencer.metrics();
            assertThat(metrics.fsyncs()).isEqualTo(fsyncsBefore);
            assertThat(metrics.durableSequence()).isLessThan(1001);
            assertThat(metrics.lastSequence()).isEqualTo(1001);
        }
        try (var restarted = start(config)) {
            assertThat(restarted.query(BankMachine::stateHash).join()).isEqualTo(hash);
        }
        SequencerConfig shortInterval = config.withDurability(DurabilityPolicy.INTERVAL, Duration.ofMillis(5));
        try (var sequencer = start(shortInterval)) {
            sequencer.submit(new BankCommand.Deposit(1, 1)).join();
            sequencer.submit(new BankCommand.Deposit(1, 1)).join();
            SequencerTestSupport.await("idle writer forces within the interval",
                    () -> sequencer.metrics().durableSequence() == sequencer.publishedSequence());
        }
    }

    @Test
    void metricsCountCommandsBatchesAndFsyncs() throws IOException {
        try (var sequencer = start(smallConfig(dir))) {
            for (int i = 0; i < 20; i++) {
                sequencer.submitAll(BankCommands.random(i, 10)).join();
            }
            SequencerMetrics metrics = sequencer.metrics();
            assertThat(metrics.commands()).isEqualTo(200);
            assertThat(metrics.batches()).isEqualTo(20);
            assertThat(metrics.batchSize().getTotalCount()).isEqualTo(20);
            assertThat(metrics.batchSize().getMean()).isEqualTo(10.0);
            assertThat(metrics.fsyncs()).isEqualTo(20);
            assertThat(metrics.fsyncLatencyNanos().getTotalCount()).isEqualTo(20);
            assertThat(metrics.fsyncLatencyNanos().getMinValue()).isPositive();
            assertThat(metrics.durableSequence()).isEqualTo(200);
            assertThat(metrics.toString()).contains("commands=200");
        }
    }
}
