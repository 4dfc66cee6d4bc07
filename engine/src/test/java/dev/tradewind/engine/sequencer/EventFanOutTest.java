package dev.tradewind.engine.sequencer;

import static dev.tradewind.engine.sequencer.SequencerTestSupport.await;
import static dev.tradewind.engine.sequencer.SequencerTestSupport.smallConfig;
import static dev.tradewind.engine.sequencer.SequencerTestSupport.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewind.engine.journal.JournalRangeUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFanOutTest {
    @TempDir
    Path dir;

    private static List<CompletableFuture<List<BankResult>>> submitInChunks(
            Sequencer<BankCommand, BankResult, BankEvent, BankMachine> sequencer, List<BankCommand> commands, int chunk) {
        List<CompletableFuture<List<BankResult>>> futures = new ArrayList<>();
        for (int i = 0; i < commands.size(); i += chunk) {
            futures.add(sequencer.submitAll(commands.subList(i, Math.min(commands.size(), i + chunk))));
        }
        return futures;
    }

    @Test
    void aStalledConsumerDelaysNobodyIsToldItLaggedAndGetsExactlyTheMissingEvents() throws Exception {
        SequencerConfig config = smallConfig(dir).withSnapshots(100, 100).withMaxBatchSize(16);
        try (var sequencer = start(config)) {
            CountDownLatch release = new CountDownLatch(1);
            EventCollector fast = new EventCollector(0, null);
            EventCollector slow = new EventCollector(0, release);
            sequencer.attach("fast", fast, 0, 1024);
            Subscription<BankEvent> slowSubscription = sequencer.attach("slow", slow, 0, 4);

            List<BankCommand> commands = BankCommands.random(20, 3000);
            var futures = submitInChunks(sequencer, commands, 10);
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            await("fast consumer", () -> fast.last == 3000);
            assertThat(slow.stalled).as("slow consumer is stuck in its handler").isTrue();
            assertThat(slow.events).isEmpty();
            assertThat(sequencer.metrics().consumerLags()).isGreaterThanOrEqualTo(1);

            release.countDown();
            await("slow consumer re-sync", () -> slow.last == 3000);
            assertThat(slow.lags).isNotEmpty();
            assertThat(slowSubscription.lags()).isEqualTo(slow.lags.size());
            assertThat(slow.problems).isEmpty();
            assertThat(fast.problems).isEmpty();
            assertThat(fast.lags).isEmpty();
            assertThat(slow.snapshot()).hasSize(fast.snapshot().size()).isEqualTo(fast.snapshot());

            // back on the live stream
            sequencer.submitAll(BankCommands.random(21, 10)).join();
            await("both live again", () -> fast.last == 3010 && slow.last == 3010);
            assertThat(slow.snapshot()).isEqualTo(fast.snapshot());
            assertThat(slow.error).isNull();
        }
    }

    @Test
    void theReplayerRegeneratesExactlyTheLiveEventsOfAnyRange() throws IOException {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        SequencerConfig config = smallConfig(dir).withSnapshots(37, 1000).withSegmentSizeBytes(16 * 1024);
        EventCollector live = new EventCollector(0, null);
        try (var sequencer = start(config)) {
            sequencer.attach("live", live, 0, 4096);
            BankCommands stream = new BankCommands(seed);
            for (int i = 0; i < 200; i++) {
                List<BankCommand> chunk = new ArrayList<>();
                for (int j = 0; j < 10; j++) {
                    chunk.add(stream.next());
                }
                sequencer.submitAll(chunk);
            }
            sequencer.query(BankMachine::stateHash).join();
            await("live events", () -> live.last == 2000);
            checkRanges(sequencer.replayer(), live.snapshot(), random, seed, 2000);
        }
        // and from the files alone, as the persister would after a crash
        EventReplayer<BankCommand, BankResult, BankEvent> offline =
                new EventReplayer<>(dir, SequencerTestSupport.CODEC, BankMachine::new);
        checkRanges(offline, live.snapshot(), random, seed, 2000);
    }

    private static void checkRanges(EventReplayer<BankCommand, BankResult, BankEvent> replayer, List<BankEvent> liveEvents,
                                    SplittableRandom random, long seed, int last) throws IOException {
        for (int trial = 0; trial < 25; trial++) {
            long from = random.nextInt(last + 1);
            long to = from + random.nextInt((int) (last - from) + 1);
            int perBatch = 1 + random.nextInt(100);
            List<EventBatch<BankEvent>> batches = new ArrayList<>();
            replayer.replay(from, to, perBatch, batches::add);
            String context = "seed " + seed + ", range (" + from + ", " + to + "], " + perBatch + " per batch";
            long expectedFirst = from + 1;
            List<BankEvent> replayed = new ArrayList<>();
            for (EventBatch<BankEvent> batch : batches) {
                assertThat(batch.firstSequence()).as(context).isEqualTo(expectedFirst);
                assertThat(batch.lastSequence() - batch.firstSequence() + 1).as(context).isLessThanOrEqualTo(perBatch);
                expectedFirst = batch.lastSequence() + 1;
                replayed.addAll(batch.events());
            }
            assertThat(expectedFirst - 1).as(context).isEqualTo(to);
            List<BankEvent> expected = liveEvents.stream().filter(e -> e.sequence() > from && e.sequence() <= to).toList();
            assertThat(replayed).as(context).isEqualTo(expected);
        }
    }

    @Test
    void replayBeforeTheOldestKeptSnapshotIsRefusedClearly() throws IOException {
        SequencerConfig config = smallConfig(dir).withSnapshots(100, 2).withSegmentSizeBytes(4096);
        try (var sequencer = start(config)) {
            // A snapshot that comes due while the previous one is still being written is skipped, so on a
            // busy machine 1,000 commands may give fewer than 5: keep the engine going until they exist.
            List<BankCommand> commands = BankCommands.random(22, 20_000);
            int submitted = 0;
            while (sequencer.metrics().snapshots() < 5 && submitted < commands.size()) {
                submitInChunks(sequencer, commands.subList(submitted, submitted + 1000), 20).forEach(CompletableFuture::join);
                submitted += 1000;
            }
            await("snapshots", () -> sequencer.metrics().snapshots() >= 5);
            long last = submitted;
            assertThatThrownBy(() -> sequencer.replayer().replay(0, last, batch -> { }))
                    .isInstanceOf(JournalRangeUnavailableException.class)
                    .hasMessageContaining("Cannot regenerate events after sequence 0");
            List<EventBatch<BankEvent>> recent = new ArrayList<>();
            sequencer.replayer().replay(last - 10, last, recent::add);
            assertThat(recent.getLast().lastSequence()).isEqualTo(last);
        }
    }

    @Test
    void aPersisterCatchesUpAfterARestartFromItsLastSequenceThenFollowsLive() throws IOException {
        SequencerConfig config = smallConfig(dir).withSnapshots(150, 10);
        EventCollector original = new EventCollector(0, null);
        try (var sequencer = start(config)) {
            sequencer.attach("original", original, 0, 1024);
            submitInChunks(sequencer, BankCommands.random(23, 1000), 25).forEach(CompletableFuture::join);
        }
        assertThat(original.last).as("close lets consumers drain").isEqualTo(1000);
        try (var sequencer = start(config)) {
            EventCollector persister = new EventCollector(600, null);
            EventCollector live = new EventCollector(-1, null);
            sequencer.attach("persister", persister, 600, 16);
            Subscription<BankEvent> liveOnly = sequencer.attach("live", live, Subscription.LIVE, 16);
            await("live registered", () -> liveOnly.lastDeliveredSequence() == 1000);
            await("persister caught up", () -> persister.last == 1000);
            assertThat(persister.snapshot())
                    .isEqualTo(original.snapshot().stream().filter(e -> e.sequence() > 600).toList());
            var more = BankCommands.random(24, 50);
            sequencer.submitAll(more).join();
            await("both follow live", () -> persister.last == 1050 && live.last == 1050);
            assertThat(live.snapshot()).isEqualTo(persister.snapshot().stream().filter(e -> e.sequence() > 1000).toList());

            EventCollector ahead = new EventCollector(5000, null);
            Subscription<BankEvent> aheadSubscription = sequencer.attach("ahead", ahead, 5000, 16);
            await("consumer ahead of the engine fails", () -> ahead.error != null);
            assertThat(ahead.error).hasMessageContaining("already has events up to sequence 5000");
            await("terminated", aheadSubscription::isTerminated);
            assertThat(aheadSubscription.hasFailed()).isTrue();
        }
    }

    @Test
    void aHandlerThatThrowsIsDetachedAndTold() throws IOException {
        try (var sequencer = start(smallConfig(dir))) {
            List<Throwable> errors = new ArrayList<>();
            Subscription<BankEvent> subscription = sequencer.attach("broken", new EventConsumer<>() {
                @Override
                public void onBatch(EventBatch<BankEvent> batch) {
                    throw new IllegalStateException("database down");
                }

                @Override
                public void onError(Throwable error) {
                    errors.add(error);
                }
            }, 0, 8);
            sequencer.submit(new BankCommand.Deposit(1, 1)).join();
            await("detached", subscription::isTerminated);
            assertThat(errors).singleElement().satisfies(e -> assertThat(e).hasMessage("database down"));
            // the engine is unaffected
            assertThat(sequencer.submit(new BankCommand.Deposit(1, 1)).join().sequence()).isEqualTo(2);
        }
    }

    @Test
    void closingASubscriptionStopsDeliveryWithoutAffectingTheEngine() throws IOException {
        try (var sequencer = start(smallConfig(dir))) {
            EventCollector collector = new EventCollector(0, null);
            Subscription<BankEvent> subscription = sequencer.attach("temp", collector, 0, 8);
            sequencer.submit(new BankCommand.Deposit(1, 1)).join();
            await("first event", () -> collector.last == 1);
            subscription.close();
            assertThat(subscription.isTerminated()).isTrue();
            sequencer.submitAll(BankCommands.random(25, 50)).join();
            assertThat(collector.last).isEqualTo(1);
        }
    }
}
