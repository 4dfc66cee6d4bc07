package dev.tradewind.trading;

import dev.tradewind.engine.sequencer.EngineErrorCode;
import dev.tradewind.platform.web.ApiException;
import dev.tradewind.platform.web.ErrorCodes;
import org.springframework.http.HttpStatus;

/**
 * The engine could not take or answer a command in time (queue full, closing, halted, timed out):
 * 503 SERVICE_UNAVAILABLE with {@code Retry-After}. The command may or may not have been applied
 * when the wait timed out, so clients retry with the same {@code Idempotency-Key}.
 */
public class EngineUnavailableException extends ApiException {
    private final String reason;
    private final int retryAfterSeconds;

    public EngineUnavailableException(String reason, String detail, int retryAfterSeconds) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE, detail);
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static EngineUnavailableException of(EngineErrorCode code) {
        return switch (code) {
            case ENGINE_OVERLOADED -> new EngineUnavailableException(code.name(),
                    "The matching engine is saturated; retry shortly.", 1);
            case ENGINE_CLOSED -> new EngineUnavailableException(code.name(),
                    "The matching engine is shutting down; retry in a few seconds.", 5);
            case ENGINE_HALTED -> new EngineUnavailableException(code.name(),
                    "The matching engine stopped after an internal failure and needs a restart.", 30);
            default -> new EngineUnavailableException(code.name(), "The matching engine refused the command.", 1);
        };
    }

    public static EngineUnavailableException timeout() {
        return new EngineUnavailableException("ENGINE_TIMEOUT",
                "The matching engine did not answer in time; the request may or may not have taken effect. "
                        + "Retry with the same Idempotency-Key.", 1);
    }

    /** The engine's reason, e.g. {@code ENGINE_OVERLOADED}, or {@code ENGINE_TIMEOUT}, {@code ENGINE_NOT_STARTED}. */
    public String reason() {
        return reason;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
