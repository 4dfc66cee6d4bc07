package dev.tradewind.engine.sequencer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

final class SequencerTestSupport {
    static final BankCodec CODEC = new BankCodec();

    private SequencerTestSupport() {
    }

    /** A deterministic clock: 1 µs later at every read. */
    static EngineClock steppingClock() {
        AtomicLong now = new AtomicLong(1_700_000_000_000_000_000L);
        return () -> now.addAndGet(1_000);
    }

    static Sequencer<BankCommand, BankResult, BankEvent, BankMachine> start(SequencerConfig config) throws IOException {
        return Sequencer.start(config, CODEC, BankMachine::new, steppingClock());
    }

    static SequencerConfig smallConfig(Path dir) {
        return SequencerConfig.defaults(dir).withQueueCapacity(1024).withMaxBatchSize(64).withCloseTimeout(Duration.ofSeconds(10));
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
