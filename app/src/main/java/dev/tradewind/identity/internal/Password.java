package dev.tradewind.identity.internal;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A password as it arrives in a request. Its {@code toString()} is redacted, so it cannot leak
 * through validation messages ("rejected value [...]"), exception messages or request logging.
 */
record Password(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    Password {
    }

    @Override
    public String toString() {
        return "[redacted]";
    }
}
