package dev.tradewind.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RollingDayWindowTest {
    private static final long T0 = Instant.parse("2024-11-24T00:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;

    private final RollingDayWindow window = new RollingDayWindow();

    @Test
    void sumsVolumeAndChangeOverTheLastDay() {
        window.add(T0 + 10, 100, 5);
        window.add(T0 + 6 * HOUR, 120, 7);
        window.add(T0 + 12 * HOUR, 90, 1);
        assertThat(window.volume24h()).isEqualTo(13);
        assertThat(window.open24h()).isEqualTo(100);
        assertThat(window.latestPrice()).isEqualTo(90);
        assertThat(window.change24h()).isEqualTo(-10);
    }

    @Test
    void rollsOldMinutesOut() {
        window.add(T0 + 10, 100, 5);
        window.add(T0 + 6 * HOUR, 120, 7);
        window.add(T0 + 24 * HOUR - 1, 130, 1); // minute 1439: the first minute is still in
        assertThat(window.volume24h()).isEqualTo(13);
        assertThat(window.open24h()).isEqualTo(100);

        window.add(T0 + 24 * HOUR, 140, 2); // minute 1440: minute 0 leaves the window
        assertThat(window.volume24h()).isEqualTo(10);
        assertThat(window.open24h()).isEqualTo(120);
        assertThat(window.change24h()).isEqualTo(20);

        window.add(T0 + 30 * HOUR + 30 * MINUTE, 150, 4);
        assertThat(window.volume24h()).isEqualTo(7);
        assertThat(window.open24h()).isEqualTo(130);
    }

    @Test
    void advancingTheClockEmptiesAnIdleWindow() {
        window.add(T0, 100, 5);
        window.advanceTo(T0 + 23 * HOUR);
        assertThat(window.volume24h()).isEqualTo(5);
        window.advanceTo(T0 + 48 * HOUR);
        assertThat(window.volume24h()).isZero();
        assertThat(window.open24h()).isZero();
        assertThat(window.change24h()).isZero();
        window.add(T0 + 48 * HOUR + 1, 200, 1);
        assertThat(window.open24h()).isEqualTo(200);
        assertThat(window.volume24h()).isEqualTo(1);
    }

    @Test
    void lateUpdatesCountInTheirMinuteAndCanBecomeTheOpen() {
        window.add(T0 + 5 * MINUTE, 100, 1);
        window.add(T0 + 10 * MINUTE, 110, 1);
        window.add(T0 + 2 * MINUTE, 90, 3);
        assertThat(window.volume24h()).isEqualTo(5);
        assertThat(window.open24h()).isEqualTo(90);
        assertThat(window.latestPrice()).isEqualTo(110);
        window.add(T0 - 25 * HOUR, 1, 100); // older than the window: ignored
        assertThat(window.volume24h()).isEqualTo(5);
    }

    @Test
    void matchesABruteForceWindowOnRandomSequences() {
        long seed = System.nanoTime();
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        java.util.List<long[]> all = new java.util.ArrayList<>();
        long t = T0;
        for (int i = 0; i < 3_000; i++) {
            t += random.nextLong(0, 3 * MINUTE);
            long time = t - (random.nextInt(10) == 0 ? random.nextLong(0, 2 * MINUTE) : 0);
            long price = random.nextLong(1, 1_000);
            long qty = random.nextLong(0, 10);
            window.add(time, price, qty);
            all.add(new long[] {time, price, qty});
            long endMinute = Math.floorDiv(all.stream().mapToLong(e -> e[0]).max().orElseThrow(), MINUTE);
            long expected = all.stream().filter(e -> Math.floorDiv(e[0], MINUTE) > endMinute - 1440).mapToLong(e -> e[2]).sum();
            assertThat(window.volume24h()).as("seed %d step %d", seed, i).isEqualTo(expected);
        }
    }
}
