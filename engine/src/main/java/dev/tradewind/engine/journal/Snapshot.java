package dev.tradewind.engine.journal;

/**
 * A verified snapshot read back from disk.
 *
 * @param sequence  the last sequence applied to the state it holds
 * @param timestamp the timestamp of that command (the sequencer's clock never goes below it)
 * @param state     the bytes {@code StateMachine.writeSnapshot} produced
 */
public record Snapshot(long sequence, long timestamp, byte[] state) {
}
