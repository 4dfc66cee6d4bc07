package dev.tradewind.engine.sequencer;

import java.time.Instant;

/** Where the sequencer reads command timestamps from; injectable so tests and replays are deterministic. */
@FunctionalInterface
public interface EngineClock {
    /** Current time in nanoseconds since the epoch. May go backwards; the sequencer clamps it. */
    long epochNanos();

    static EngineClock system() {
        return () -> {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }
}
