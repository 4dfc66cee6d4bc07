package dev.tradewind.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.engine.command.Command;
import dev.tradewind.engine.core.MatchingEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real engine behind the real sequencer, crashed: child JVMs ({@link EngineCrashChild}) run seeded
 * realistic command streams with fsync per batch and are SIGKILLed at random points. Recovery must
 * contain every acknowledged command, reach the state hash of an uninterrupted in-memory run of the
 * recovered prefix, and carry on: the next commands of the stream, applied to the recovered engine and
 * recovered once more, must again match. 10 children x 5 engines = 50 seeds.
 */
class EngineCrashRecoveryTest {
    private static final int CHILDREN = 10;
    private static final int SEEDS_PER_CHILD = 5;
    private static final int PARALLEL_CHILDREN = 2;
    private static final int COMMANDS_AFTER_RECOVERY = 25;

    @TempDir
    Path root;

    @Test
    void sigkillAtARandomPointLosesNoAcknowledgedCommand() throws Exception {
        long base = Long.getLong("crash.seed", System.nanoTime());
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_CHILDREN);
        List<Future<List<String>>> outcomes = new ArrayList<>();
        for (int c = 0; c < CHILDREN; c++) {
            long[] seeds = new long[SEEDS_PER_CHILD];
            for (int s = 0; s < SEEDS_PER_CHILD; s++) {
                seeds[s] = base + c * SEEDS_PER_CHILD + s;
            }
            Path childRoot = root.resolve("child-" + c);
            outcomes.add(pool.submit(() -> crashAndRecover(childRoot, seeds)));
        }
        pool.shutdown();
        List<String> failures = new ArrayList<>();
        long acknowledged = 0;
        long recovered = 0;
        int checked = 0;
        for (Future<List<String>> outcome : outcomes) {
            for (String result : outcome.get(5, TimeUnit.MINUTES)) {
                if (result.startsWith("FAIL")) {
                    failures.add(result);
                } else {
                    String[] parts = result.split(" ");
                    acknowledged += Long.parseLong(parts[1]);
                    recovered += Long.parseLong(parts[2]);
                    checked++;
                }
            }
        }
        assertThat(failures).as("failed seeds (rerun with -Dcrash.seed=" + base + ")").isEmpty();
        assertThat(checked).isEqualTo(CHILDREN * SEEDS_PER_CHILD);
        System.out.println("Engine crash test (base seed " + base + "): " + checked + " engines SIGKILLed, " + acknowledged
                + " commands acknowledged, " + recovered + " recovered");
    }

    /** One child running several engines; returns per seed "OK acked recovered" or "FAIL seed ...: reason". */
    private List<String> crashAndRecover(Path childRoot, long[] seeds) {
        Path stderr = childRoot.resolveSibling(childRoot.getFileName() + ".stderr");
        Map<Long, Long> lastAck = new HashMap<>();
        List<String> results = new ArrayList<>();
        String childProblem = null;
        try {
            SplittableRandom random = new SplittableRandom(seeds[0] ^ 0x5DEECE66DL);
            int killAfterAcks = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(5000);
            String java = ProcessHandle.current().info().command().orElseThrow();
            List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                    "-cp", System.getProperty("java.class.path"), EngineCrashChild.class.getName(), childRoot.toString()));
            for (long seed : seeds) {
                command.add(Long.toString(seed));
                lastAck.put(seed, 0L);
            }
            Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            long acks = 0;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                if (killAfterAcks == 0) {
                    Thread.sleep(random.nextInt(600)); // somewhere in start-up, recovery or the first batches
                    child.toHandle().destroyForcibly();
                }
                String line;
                while ((line = lines.readLine()) != null) {
                    String[] parts = line.split(" ");
                    if (!parts[0].equals("A") || parts.length != 3) {
                        childProblem = "child said: " + line;
                        continue;
                    }
                    long seed = Long.parseLong(parts[1]);
                    long sequence = Long.parseLong(parts[2]);
                    if (sequence != lastAck.get(seed) + 1) {
                        childProblem = "seed " + seed + ": acknowledgement " + sequence + " after " + lastAck.get(seed);
                    }
                    lastAck.put(seed, sequence);
                    if (++acks == killAfterAcks) {
                        // SIGKILL; the acks still in the pipe were acknowledged and must count, so keep reading.
                        child.toHandle().destroyForcibly();
                    }
                }
            }
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                childProblem = "child did not die";
            } else if (child.exitValue() != 137) {
                childProblem = "child exited with " + child.exitValue() + " instead of being killed";
            }
        } catch (Exception e) {
            childProblem = e.toString();
        }
        for (long seed : seeds) {
            results.add(childProblem != null ? fail(seed, childProblem, stderr)
                    : recoverAndCheck(childRoot, seed, lastAck.get(seed), stderr));
        }
        deleteQuietly(childRoot);
        return results;
    }

    private static String recoverAndCheck(Path childRoot, long seed, long lastAck, Path stderr) {
        if (!Files.exists(EngineCrashChild.directory(childRoot, seed))) {
            return lastAck == 0 ? "OK 0 0" : fail(seed, "acknowledged " + lastAck + " but left no files", stderr);
        }
        try {
            long recovered;
            EngineCommandStream stream = new EngineCommandStream(seed);
            try (var sequencer = EngineCrashChild.start(childRoot, seed)) {
                recovered = sequencer.recoveredSequence();
                if (recovered < lastAck) {
                    return fail(seed, "recovered only up to " + recovered + " but " + lastAck + " was acknowledged", stderr);
                }
                while (stream.generated() < recovered) {
                    stream.next();
                }
                if (sequencer.query(MatchingEngine::stateHash).join() != stream.stateHash()) {
                    return fail(seed, "state hash after recovering " + recovered + " commands differs from an "
                            + "uninterrupted run", stderr);
                }
                for (int i = 0; i < COMMANDS_AFTER_RECOVERY; i++) {
                    Command command = stream.next();
                    long sequence = sequencer.submit(command).join().sequence();
                    if (sequence != stream.generated()) {
                        return fail(seed, "after recovery command " + stream.generated() + " got sequence " + sequence, stderr);
                    }
                }
            }
            // Closed cleanly (final snapshot); recover once more from snapshot + journal.
            try (var sequencer = EngineCrashChild.start(childRoot, seed)) {
                if (sequencer.recoveredSequence() != stream.generated()
                        || sequencer.query(MatchingEngine::stateHash).join() != stream.stateHash()) {
                    return fail(seed, "after " + COMMANDS_AFTER_RECOVERY + " more commands and a restart the state "
                            + "differs from an uninterrupted run", stderr);
                }
            }
            return "OK " + lastAck + " " + recovered;
        } catch (Exception | AssertionError e) {
            return fail(seed, "recovery failed: " + e, stderr);
        }
    }

    private static String fail(long seed, String reason, Path stderr) {
        String childErr = "";
        try {
            if (Files.exists(stderr)) {
                childErr = Files.readString(stderr);
                childErr = childErr.substring(Math.max(0, childErr.length() - 2000));
            }
        } catch (IOException ignored) {
            // best-effort diagnostics
        }
        return "FAIL seed " + seed + ": " + reason + (childErr.isBlank() ? "" : "\nchild stderr tail:\n" + childErr);
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // @TempDir cleans up anyway
        }
    }
}
