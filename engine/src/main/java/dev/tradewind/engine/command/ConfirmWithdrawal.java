package dev.tradewind.engine.command;

/** Debits a held withdrawal: the money left. {@code reference} is the hold's reference. */
public record ConfirmWithdrawal(String reference) implements Command {
}
