package dev.tradewind.engine.command;

/** Admin correction of a balance by a signed, non-zero amount; idempotent by {@code reference}. */
public record AdjustBalance(String reference, long accountId, int assetId, long amount) implements Command {
}
