package dev.tradewind.platform.idempotency;

import java.util.UUID;

/** What {@link IdempotencyStore#claim} found for a request. */
sealed interface Claim {
    /** The key is ours: run the request, then complete or release with this token. */
    record Acquired(UUID token) implements Claim {
    }

    /** The key was used with this body before and its response is stored. */
    record Replay(StoredResponse response) implements Claim {
    }

    /** The key was used with another body. */
    record Mismatch() implements Claim {
    }

    /** A request with this key and body is still running. */
    record InProgress() implements Claim {
    }
}
