package dev.tradewind.engine.instrument;

/** Decimal input refused at the edge; {@link #code()} is stable, the message is for humans. */
public final class InvalidDecimalException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final DecimalError error;

    public InvalidDecimalException(DecimalError error, String message) {
        super(message);
        this.error = error;
    }

    public DecimalError error() {
        return error;
    }

    public String code() {
        return error.name();
    }
}
