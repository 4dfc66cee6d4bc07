package dev.tradewind.engine.journal;

import java.io.IOException;

/**
 * The journal holds data that cannot be trusted and must not be truncated automatically: a bad
 * record followed by valid records, a sequence gap, a corrupt segment header. Recovery stops; an
 * operator decides (restore from a replica or backup, or move the damaged file away).
 */
public final class JournalCorruptedException extends IOException {
    public JournalCorruptedException(String message) {
        super(message);
    }
}
