package dev.tradewind.engine.journal;

/**
 * When journaled commands are forced to stable storage, relative to releasing their results.
 *
 * <p>{@link #PER_BATCH} and {@link #INTERVAL} survive a process crash (SIGKILL, OOM) without losing an acknowledged command:
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
    INTERVAL,
    /**
     * No journal at all: nothing is encoded, written or read, no snapshot is taken or loaded, every
     * start begins from an empty state machine and past events cannot be regenerated (a consumer must
     * attach {@code LIVE} and cannot re-sync after a lag). Results are released as soon as the batch is
     * applied. Only for measuring the state machine and the producer hand-off (benchmarks, tests):
     * a crash loses everything.
     */
    NONE
}
