package dev.tradewind.engine.journal;

/** Receives journal records in sequence order during a replay. */
@FunctionalInterface
public interface JournalRecordHandler<C> {
    void onRecord(long sequence, long timestamp, C command);
}
