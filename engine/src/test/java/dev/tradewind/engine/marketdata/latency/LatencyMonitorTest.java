package dev.tradewind.engine.marketdata.latency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.engine.marketdata.RecordingLogger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LatencyMonitorTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final List<LatencyAlert> alerts = new ArrayList<>();
    private final RecordingLogger log = new RecordingLogger();
    private final LatencyMonitor monitor = new LatencyMonitor(
            new LatencyMonitor.Settings(1_000_000L, 1, 1_000_000_000L), alerts::add, clock::get, () -> 42L, log);

    @Test
    void alertsOverTheThresholdOnly() {
        monitor.checkUpdate(999_999, "BTC-USD");
        monitor.checkUpdate(1_000_000, "BTC-USD");
        assertThat(alerts).isEmpty();
        monitor.checkUpdate(1_000_001, "BTC-USD");
        assertThat(alerts).containsExactly(new LatencyAlert(1_000_001, 1_000_000, 1, "BTC-USD", 0, 42));
        assertThat(log.lines).singleElement().asString().startsWith("WARNING").contains("1000 µs", "BTC-USD");
    }

    @Test
    void alertsAreRateLimitedWithASuppressedCount() {
        for (int i = 0; i < 100; i++) {
            monitor.checkUpdate(5_000_000, "ETH-USD");
            clock.addAndGet(5_000_000); // 5 ms apart: 100 alerts in 0.5 s
        }
        assertThat(alerts).hasSize(1);
        assertThat(log.lines).hasSize(1);
        clock.addAndGet(1_000_000_000L);
        monitor.checkBatch(3_000_000, 512, null);
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(1).suppressedSinceLast()).isEqualTo(99);
        assertThat(alerts.get(1).updates()).isEqualTo(512);
        assertThat(log.lines).hasSize(2);
        assertThat(log.lines.get(1)).contains("99 similar alerts suppressed");
        LatencySnapshot snapshot = monitor.snapshot();
        assertThat(snapshot.alerts()).isEqualTo(101);
        assertThat(snapshot.alertsSuppressed()).isEqualTo(99);
    }

    @Test
    void snapshotsReportPercentilesPerStage() {
        for (int i = 1; i <= 1000; i++) {
            monitor.record(LatencyStage.CANDLES, i * 100L);
        }
        monitor.record(LatencyStage.TOTAL, 2_000_000);
        monitor.countUpdates(1001);
        LatencySnapshot first = monitor.snapshot();
        StageLatency candles = first.stage(LatencyStage.CANDLES);
        assertThat(candles.count()).isEqualTo(1000);
        assertThat(candles.p50()).isBetween(49_900L, 50_100L);
        assertThat(candles.p99()).isBetween(98_900L, 99_100L);
        assertThat(candles.p999()).isBetween(99_800L, 100_100L);
        assertThat(candles.max()).isBetween(99_990L, 100_100L);
        assertThat(first.stage(LatencyStage.PARSE).count()).isZero();
        assertThat(first.updates()).isEqualTo(1001);

        monitor.record(LatencyStage.CANDLES, 1_000_000);
        assertThat(monitor.snapshot().stage(LatencyStage.CANDLES).count()).as("cumulative").isEqualTo(1001);
        monitor.reset();
        assertThat(monitor.snapshot().stage(LatencyStage.CANDLES).count()).isZero();
    }

    @Test
    void readersDoNotBlockTheWriter() throws Exception {
        Thread reader = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 200; i++) {
                monitor.snapshot();
            }
        });
        for (int i = 0; i < 200_000; i++) {
            monitor.record(LatencyStage.APPLY, 50 + (i & 1023));
        }
        reader.join();
        assertThat(monitor.snapshot().stage(LatencyStage.APPLY).count()).isEqualTo(200_000);
    }

    @Test
    void samplesOneUpdateInN() {
        LatencyMonitor sampled = new LatencyMonitor(LatencyMonitor.Settings.DEFAULTS.withSampleEvery(8), LatencyAlertListener.NONE);
        int timed = 0;
        for (int i = 0; i < 800; i++) {
            if (sampled.sampleNext()) {
                timed++;
            }
        }
        assertThat(timed).isEqualTo(100);
    }
}
