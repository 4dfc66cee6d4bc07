package dev.tradewind.engine.sequencer;

import dev.tradewind.engine.journal.DurabilityPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Manual throughput probe (not a test): producers keep the sequencer saturated with the toy bank
 * machine and the journal on, and it prints ops/s and the metrics.
 *
 * <pre>java -cp target/classes:target/test-classes:HdrHistogram.jar \
 *   dev.tradewind.engine.sequencer.SequencerThroughputProbe [PER_BATCH|INTERVAL] [seconds] [batch] [producers]</pre>
 */
public final class SequencerThroughputProbe {
    private SequencerThroughputProbe() {
    }

    public static void main(String[] args) throws Exception {
        DurabilityPolicy policy = DurabilityPolicy.valueOf(args.length > 0 ? args[0] : "PER_BATCH");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int submitBatch = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int producers = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Path dir = Files.createTempDirectory("sequencer-probe");
        SequencerConfig config = SequencerConfig.defaults(dir).withDurability(policy, Duration.ofMillis(10))
                .withMaxBatchSize(Integer.getInteger("maxBatch", Math.max(512, submitBatch)));
        List<BankCommand> commands = BankCommands.random(42, 1 << 16).stream()
                .map(c -> c instanceof BankCommand.Note ? (BankCommand) new BankCommand.Deposit(1, 1) : c).toList();
        try (var sequencer = Sequencer.start(config, new BankCodec(), BankMachine::new)) {
            for (int round = 0; round < 2; round++) {
                long start = System.nanoTime();
                long end = start + Duration.ofSeconds(round == 0 ? 2 : seconds).toNanos();
                long before = sequencer.metrics().commands();
                List<Thread> threads = new ArrayList<>();
                for (int p = 0; p < producers; p++) {
                    int offset = p * 997;
                    threads.add(Thread.ofPlatform().start(() -> produce(sequencer, commands, submitBatch, end, offset)));
                }
                for (Thread thread : threads) {
                    thread.join();
                }
                long done = sequencer.metrics().commands() - before;
                double secs = (System.nanoTime() - start) / 1e9;
                System.out.printf("%s %s: %,d commands in %.2f s = %,.0f ops/s (submit batch %d, %d producers)%n",
                        round == 0 ? "warm-up" : "measured", policy, done, secs, done / secs, submitBatch, producers);
            }
            System.out.println(sequencer.metrics());
        }
    }

    private static void produce(Sequencer<BankCommand, BankResult, BankEvent, BankMachine> sequencer,
                                List<BankCommand> commands, int submitBatch, long end, int offset) {
        int window = Integer.getInteger("window", 8);
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        int i = offset;
        while (System.nanoTime() < end) {
            int from = i & (commands.size() - 1);
            CompletableFuture<?> future = submitBatch == 1
                    ? sequencer.submit(commands.get(from))
                    : sequencer.submitAll(commands.subList(from, Math.min(commands.size(), from + submitBatch)));
            i += submitBatch;
            inFlight.add(future);
            if (inFlight.size() >= window) {
                inFlight.removeFirst().join();
            }
        }
        inFlight.forEach(CompletableFuture::join);
    }
}
