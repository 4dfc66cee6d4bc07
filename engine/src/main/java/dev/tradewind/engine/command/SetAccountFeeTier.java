package dev.tradewind.engine.command;

/** Puts an account in a configured fee tier (for orders placed from now on). */
public record SetAccountFeeTier(long accountId, int tier) implements Command {
}
