package dev.tradewind.engine.sequencer;

/** Events of the toy bank; each carries the engine sequence and timestamp. */
public sealed interface BankEvent {
    long sequence();

    long timestamp();

    record BalanceChanged(long sequence, long timestamp, int account, long delta, long balance) implements BankEvent {
    }

    record Rejected(long sequence, long timestamp, String reason) implements BankEvent {
    }

    record Noted(long sequence, long timestamp, String text) implements BankEvent {
    }
}
