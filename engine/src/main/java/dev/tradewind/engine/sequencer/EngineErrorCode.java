package dev.tradewind.engine.sequencer;

/** Stable codes of {@link EngineRejectedException}; safe to map to API errors and alerts. */
public enum EngineErrorCode {
    /** The command queue is full: the engine is saturated. Retry later with backoff or shed load. */
    ENGINE_OVERLOADED,
    /** The sequencer is closing or closed. */
    ENGINE_CLOSED,
    /** The sequencer stopped after a fatal error (journal I/O failure, a state machine that threw); restart to recover. */
    ENGINE_HALTED,
    /** The command could not be encoded for the journal (codec failure or over 16 MiB); it was not applied. */
    ENGINE_COMMAND_NOT_ENCODABLE,
    /** A batch submit holds more commands than {@code maxBatchSize}. */
    ENGINE_BATCH_TOO_LARGE
}
