package dev.tradewind.engine.command;

/**
 * Creates or changes a fee tier (basis points, 0..10000). Tier 0 exists from the start with 0/0.
 * Orders keep the rates in force when they were placed.
 */
public record ConfigureFeeTier(int tier, int makerBps, int takerBps) implements Command {
}
