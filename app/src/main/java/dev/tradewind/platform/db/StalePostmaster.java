package dev.tradewind.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a PostgreSQL server left running on our data directory by a previous process that was
 * killed (kill -9 gives the JVM no chance to stop its child), so that a restart can take the
 * directory over instead of failing on the lock file.
 */
final class StalePostmaster {
    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {
    }

    static void stopIfRunning(Path pgData, Duration timeout) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            throw new IOException("Unreadable " + pidFile + ": delete it if no PostgreSQL uses " + pgData, e);
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (process.isEmpty()) {
            return; // PostgreSQL itself removes a stale pid file whose process is gone
        }
        log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier run", pid, pgData);
        ProcessHandle postmaster = process.get();
        postmaster.destroy(); // SIGTERM: its clients died with the old JVM, so the smart shutdown ends at once
        long deadline = System.nanoTime() + timeout.toNanos();
        while (postmaster.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while stopping stale PostgreSQL " + pid, e);
            }
        }
        if (postmaster.isAlive()) {
            throw new IOException("PostgreSQL pid " + pid + " still holds " + pgData + " after " + timeout
                    + ": stop it (kill " + pid + ") and start again");
        }
    }
}
