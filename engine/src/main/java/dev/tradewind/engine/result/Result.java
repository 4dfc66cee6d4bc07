package dev.tradewind.engine.result;

/** What the submitter of a command gets back; a rejection is a result with a code, never an exception. */
public sealed interface Result permits OrderResult, BalanceResult, AdminResult {
    /** Sequence of the command this answers. */
    long sequence();

    /** Null when the command was accepted. */
    RejectCode rejectCode();

    default boolean accepted() {
        return rejectCode() == null;
    }
}
