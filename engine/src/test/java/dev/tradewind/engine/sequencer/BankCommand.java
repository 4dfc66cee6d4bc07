package dev.tradewind.engine.sequencer;

/** Commands of the toy bank used to test the sequencer. */
public sealed interface BankCommand {
    record Deposit(int account, long amount) implements BankCommand {
    }

    record Withdraw(int account, long amount) implements BankCommand {
    }

    record Transfer(int from, int to, long amount) implements BankCommand {
    }

    /** Variable-size payload; changes only the history hash. */
    record Note(String text) implements BankCommand {
    }

    /** Makes apply throw (a state machine bug). */
    record Explode() implements BankCommand {
    }

    /** The codec refuses to encode it. */
    record Unencodable() implements BankCommand {
    }
}
