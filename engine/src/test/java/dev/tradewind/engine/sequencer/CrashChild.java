package dev.tradewind.engine.sequencer;

import dev.tradewind.engine.journal.DurabilityPolicy;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * Child JVM of {@link CrashRecoveryTest}. For each seed given it runs an independent sequencer in
 * {@code <root>/seed-<seed>} fed by its own producer thread (the seeded command stream, a window of
 * commands in flight), and prints {@code A <seed> <sequence>} for every acknowledged (future-completed)
 * command, until the JVM is SIGKILLed. One kill thus crashes several engines, each at a different
 * point of its stream, for the price of one JVM start.
 */
public final class CrashChild {
    /** Timestamps are constant so the parent's reference run needs no clock. */
    static final long TIMESTAMP = 1_700_000_000_000_000_000L;

    private CrashChild() {
    }

    static Path directory(Path root, long seed) {
        return root.resolve("seed-" + seed);
    }

    /** The configuration both sides derive from the seed: small segments and frequent snapshots. */
    static SequencerConfig config(Path root, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        return SequencerConfig.defaults(directory(root, seed))
                .withQueueCapacity(1024)
                .withMaxBatchSize(4 + random.nextInt(60))
                .withDurability(DurabilityPolicy.PER_BATCH, Duration.ofMillis(10))
                .withSegmentSizeBytes(8192L << random.nextInt(3))
                .withSnapshots(100 + random.nextInt(300), 2)
                .withCloseTimeout(Duration.ofSeconds(5));
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false);
        List<Thread> producers = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            long seed = Long.parseLong(args[i]);
            producers.add(Thread.ofPlatform().name("producer-" + seed).start(() -> {
                try {
                    run(root, seed, out);
                } catch (Throwable t) {
                    synchronized (out) {
                        out.println("E " + seed + " " + t);
                        out.flush();
                    }
                }
            }));
        }
        for (Thread producer : producers) {
            producer.join();
        }
    }

    private static void run(Path root, long seed, PrintStream out) throws Exception {
        int windowSize = 8 + new SplittableRandom(seed).nextInt(56);
        try (var sequencer = Sequencer.start(config(root, seed), new BankCodec(), BankMachine::new, () -> TIMESTAMP)) {
            BankCommands stream = new BankCommands(seed);
            ArrayDeque<CompletableFuture<BankResult>> window = new ArrayDeque<>();
            StringBuilder acks = new StringBuilder();
            long expected = 1;
            while (true) {
                BankCommand command = stream.next();
                CompletableFuture<BankResult> future = sequencer.submit(command);
                while (future.isCompletedExceptionally()) { // overloaded: keep the order, retry the same command
                    Thread.sleep(1);
                    future = sequencer.submit(command);
                }
                window.add(future);
                if (window.size() >= windowSize) {
                    window.peek().join();
                    acks.setLength(0);
                    while (!window.isEmpty() && window.peek().isDone()) {
                        long sequence = window.poll().join().sequence();
                        if (sequence != expected++) {
                            acks.append("E ").append(seed).append(" sequence ").append(sequence).append(" for command ")
                                    .append(expected - 1).append('\n');
                        }
                        acks.append("A ").append(seed).append(' ').append(sequence).append('\n');
                    }
                    synchronized (out) {
                        out.print(acks);
                        out.flush();
                    }
                }
            }
        }
    }
}
