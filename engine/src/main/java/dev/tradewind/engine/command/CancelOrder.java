package dev.tradewind.engine.command;

/** Cancels an open (resting or pending-trigger) order of the account. */
public record CancelOrder(long accountId, long orderId) implements Command {
}
