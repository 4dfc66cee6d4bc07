package dev.tradewind.engine.journal;

/**
 * When journaled commands are forced to stable storage, relative to releasing their results.
 *
 * <p>Both policies survive a process crash (SIGKILL, OOM) without losing an acknowledged command:
 * a batch is handed to the OS with {@code write} before any result is released, and the page cache
 * outlives the process. They differ on an OS crash or power loss.
 */
public enum DurabilityPolicy {
    /**
     * Default. One {@code fdatasync} per group commit, before any result of the batch is released:
     * an acknowledged command survives an OS crash or power loss. Costs one fsync (~150 µs here) per
     * batch; batching amortizes it under load.
     */
    PER_BATCH,
    /**
     * Results are released right after the batch is written; the journal is forced at most once per
     * {@code fsyncInterval} (and at roll, snapshot and close). Much cheaper per batch, but an OS crash
     * or power loss can lose the acknowledged commands of the last interval, and after such a crash
     * recovery may refuse to start if the lost pages were not a contiguous tail (see
     * {@link JournalWriter#open}).
     */
    INTERVAL
}
