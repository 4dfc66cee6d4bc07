package dev.tradewind.engine.command;

/** Credits a verified deposit. Idempotent by {@code reference} (e.g. the payment provider's event id). */
public record CreditDeposit(String reference, long accountId, int assetId, long amount) implements Command {
}
