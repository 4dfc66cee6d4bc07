package dev.tradewind.engine.sequencer;

/** Result of a toy bank command. */
public record BankResult(long sequence, long timestamp, boolean accepted, String reason) {
}
