package dev.tradewind.engine.command;

/** Returns a held withdrawal to the available balance (payout failed). {@code reference} is the hold's. */
public record ReleaseWithdrawal(String reference) implements Command {
}
