package dev.tradewind.engine.sequencer;

/**
 * Why the sequencer did not (or could not confirm that it did) apply a command. Carries a stable
 * {@link EngineErrorCode}. Stackless for the codes raised on hot paths (overload, closed): they are
 * expected under load and cost nothing to build.
 */
public final class EngineRejectedException extends RuntimeException {
    private final EngineErrorCode code;

    public EngineRejectedException(EngineErrorCode code, String message) {
        this(code, message, null);
    }

    public EngineRejectedException(EngineErrorCode code, String message, Throwable cause) {
        super(code + ": " + message, cause, true,
                cause != null || (code != EngineErrorCode.ENGINE_OVERLOADED && code != EngineErrorCode.ENGINE_CLOSED));
        this.code = code;
    }

    public EngineErrorCode code() {
        return code;
    }
}
