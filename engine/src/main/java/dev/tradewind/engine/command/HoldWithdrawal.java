package dev.tradewind.engine.command;

/** Reserves funds for a withdrawal being paid out; later confirmed or released by the same reference. */
public record HoldWithdrawal(String reference, long accountId, int assetId, long amount) implements Command {
}
