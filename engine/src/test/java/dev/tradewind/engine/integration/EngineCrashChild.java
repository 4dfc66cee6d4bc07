package dev.tradewind.engine.integration;

import dev.tradewind.engine.command.Command;
import dev.tradewind.engine.command.CommandCodec;
import dev.tradewind.engine.core.MatchingEngine;
import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.journal.DurabilityPolicy;
import dev.tradewind.engine.result.Result;
import dev.tradewind.engine.sequencer.Sequencer;
import dev.tradewind.engine.sequencer.SequencerConfig;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * Child JVM of {@link EngineCrashRecoveryTest}: for each seed, a {@link Sequencer} around the real
 * {@link MatchingEngine} in {@code <root>/seed-<seed>} (fsync per batch), fed by its own producer thread
 * with the seed's {@link EngineCommandStream} (a window of commands in flight). Prints
 * {@code A <seed> <sequence>} for every command whose future completed, until it is SIGKILLed.
 */
public final class EngineCrashChild {
    private EngineCrashChild() {
    }

    static Path directory(Path root, long seed) {
        return root.resolve("seed-" + seed);
    }

    /** Derived from the seed on both sides: small segments (rolls) and frequent snapshots (pruning). */
    static SequencerConfig config(Path root, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        return SequencerConfig.defaults(directory(root, seed))
                .withQueueCapacity(1024)
                .withMaxBatchSize(4 + random.nextInt(60))
                .withDurability(DurabilityPolicy.PER_BATCH, Duration.ofMillis(10))
                .withSegmentSizeBytes(16384L << random.nextInt(3))
                .withSnapshots(150 + random.nextInt(400), 2)
                .withCloseTimeout(Duration.ofSeconds(5));
    }

    static Sequencer<Command, Result, EngineEvent, MatchingEngine> start(Path root, long seed) throws IOException {
        return Sequencer.start(config(root, seed), new CommandCodec(), MatchingEngine::new, () -> EngineCommandStream.TIMESTAMP);
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
        int windowSize = 4 + new SplittableRandom(seed).nextInt(60);
        try (var sequencer = start(root, seed)) {
            EngineCommandStream stream = new EngineCommandStream(seed);
            ArrayDeque<CompletableFuture<Result>> window = new ArrayDeque<>();
            StringBuilder acks = new StringBuilder();
            long expected = 1;
            while (true) {
                Command command = stream.next();
                CompletableFuture<Result> future = sequencer.submit(command);
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
