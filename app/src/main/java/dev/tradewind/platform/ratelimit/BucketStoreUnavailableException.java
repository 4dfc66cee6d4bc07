package dev.tradewind.platform.ratelimit;

/** The shared bucket store could not answer; the request is let through (fail open). */
class BucketStoreUnavailableException extends RuntimeException {
    BucketStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
