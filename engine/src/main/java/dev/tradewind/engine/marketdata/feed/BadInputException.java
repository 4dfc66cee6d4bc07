package dev.tradewind.engine.marketdata.feed;

import dev.tradewind.engine.marketdata.RejectReason;

/** A line or message a decoder cannot use; the feed counts it under {@link #reason()} and skips it. */
public final class BadInputException extends Exception {
    private final RejectReason reason;

    public BadInputException(RejectReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
