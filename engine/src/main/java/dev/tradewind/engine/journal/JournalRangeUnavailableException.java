package dev.tradewind.engine.journal;

import java.io.IOException;

/**
 * The requested records are not in the journal: older ones were deleted after a snapshot covered
 * them, or newer ones were never written.
 */
public final class JournalRangeUnavailableException extends IOException {
    public JournalRangeUnavailableException(String message) {
        super(message);
    }
}
