package dev.tradewind.engine.sequencer;

import dev.tradewind.engine.journal.DurabilityPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * Manual probe (not a test): submit-to-result round trips of a single producer, one command at a time,
 * for several idle-spin settings, to see what spinning before parking buys.
 *
 * <pre>java -cp target/classes:target/test-classes:HdrHistogram.jar \
 *   dev.tradewind.engine.sequencer.SequencerLatencyProbe [PER_BATCH|INTERVAL] [roundTrips]</pre>
 */
public final class SequencerLatencyProbe {
    private SequencerLatencyProbe() {
    }

    public static void main(String[] args) throws Exception {
        DurabilityPolicy policy = DurabilityPolicy.valueOf(args.length > 0 ? args[0] : "INTERVAL");
        int roundTrips = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        for (int spins : new int[] {0, 100, 1000, 0, 100, 1000}) {
            Path dir = Files.createTempDirectory("sequencer-latency");
            SequencerConfig config = SequencerConfig.defaults(dir).withIdleSpins(spins)
                    .withDurability(policy, Duration.ofSeconds(1));
            Histogram histogram = new Histogram(3);
            long cpuBefore = ProcessCpu.nanos();
            long start = System.nanoTime();
            try (var sequencer = Sequencer.start(config, new BankCodec(), BankMachine::new)) {
                for (int i = 0; i < roundTrips; i++) {
                    long t0 = System.nanoTime();
                    sequencer.submit(new BankCommand.Deposit(i & 63, 1)).join();
                    histogram.recordValue(System.nanoTime() - t0);
                }
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double cpu = (ProcessCpu.nanos() - cpuBefore) / 1e9;
            System.out.printf("%s idleSpins=%4d: p50 %6.1f us, p90 %6.1f us, p99 %7.1f us, max %8.1f us; CPU %.2f s over %.2f s wall%n",
                    policy, spins, histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(90) / 1e3,
                    histogram.getValueAtPercentile(99) / 1e3, histogram.getMaxValue() / 1e3, cpu, wall);
        }
    }

    private static final class ProcessCpu {
        static long nanos() {
            return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
    }
}
