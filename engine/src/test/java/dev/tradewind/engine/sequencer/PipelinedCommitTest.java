package dev.tradewind.engine.sequencer;

import static dev.tradewind.engine.sequencer.SequencerTestSupport.smallConfig;
import static dev.tradewind.engine.sequencer.SequencerTestSupport.start;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PER_BATCH with the fsync on the syncer thread: the writer runs ahead, but no result and no event is
 * released before the journal is durable up to its sequence, and results come back strictly in order.
 */
class PipelinedCommitTest {
    @TempDir
    Path dir;

    @Test
    void nothingIsReleasedBeforeItsFsync() throws Exception {
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        try (var sequencer = start(smallConfig(dir).withQueueCapacity(8192))) {
            sequencer.attach("checker", new EventConsumer<>() {
                @Override
                public void onBatch(EventBatch<BankEvent> batch) {
                    long durable = sequencer.metrics().durableSequence();
                    if (durable < batch.lastSequence()) {
                        violations.add("events up to " + batch.lastSequence() + " published at durable " + durable);
                    }
                }
            }, Subscription.LIVE, 4096);
            List<Thread> producers = new ArrayList<>();
            ConcurrentLinkedQueue<CompletableFuture<BankResult>> all = new ConcurrentLinkedQueue<>();
            for (int p = 0; p < 2; p++) {
                long seed = p;
                producers.add(Thread.ofPlatform().start(() -> {
                    for (BankCommand command : BankCommands.random(seed, 3000)) {
                        CompletableFuture<BankResult> future = sequencer.submit(command);
                        all.add(future.whenComplete((result, error) -> {
                            if (result != null) {
                                long durable = sequencer.metrics().durableSequence();
                                if (durable < result.sequence()) {
                                    violations.add("result " + result.sequence() + " released at durable " + durable);
                                }
                            }
                        }));
                    }
                }));
            }
            for (Thread producer : producers) {
                producer.join();
            }
            long last = 0;
            for (CompletableFuture<BankResult> future : all) {
                last = Math.max(last, future.join().sequence());
            }
            assertThat(last).isEqualTo(6000);
            SequencerMetrics metrics = sequencer.metrics();
            assertThat(metrics.durableSequence()).isEqualTo(6000);
            assertThat(metrics.fsyncs()).as("group commit: at most one fsync per batch").isLessThanOrEqualTo(metrics.batches());
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void resultsOfOneProducerComeBackInSubmissionOrder() throws IOException {
        List<Long> completionOrder = java.util.Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<BankResult>> futures = new ArrayList<>();
        try (var sequencer = start(smallConfig(dir).withQueueCapacity(8192))) {
            for (BankCommand command : BankCommands.random(9, 4000)) {
                futures.add(sequencer.submit(command).whenComplete((r, e) -> completionOrder.add(r.sequence())));
            }
            futures.forEach(CompletableFuture::join);
        }
        for (int i = 0; i < completionOrder.size(); i++) {
            assertThat(completionOrder.get(i)).isEqualTo(i + 1L);
        }
    }
}
