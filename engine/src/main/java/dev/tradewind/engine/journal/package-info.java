/**
 * Durable storage of the engine: the command journal and state snapshots.
 *
 * <p>The journal is a directory of append-only segment files ({@code journal-<first sequence>.seg});
 * every record carries its length, a CRC32C, the engine sequence, the timestamp and the command as
 * written by its {@link dev.tradewind.engine.sequencer.Codec} (layout in {@code JournalFormat}).
 * {@link dev.tradewind.engine.journal.JournalWriter} appends with group commit (one write and, under
 * {@link dev.tradewind.engine.journal.DurabilityPolicy#PER_BATCH}, one fdatasync per batch) and repairs a
 * torn tail when opened; {@link dev.tradewind.engine.journal.JournalReader} replays strictly (CRC,
 * gap-free sequences, non-decreasing timestamps). {@link dev.tradewind.engine.journal.SnapshotStore}
 * writes snapshots crash-safely and falls back past corrupt ones. Nothing here knows threads or the
 * state machine.
 */
package dev.tradewind.engine.journal;
