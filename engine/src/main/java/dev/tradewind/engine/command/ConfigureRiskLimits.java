package dev.tradewind.engine.command;

/**
 * Sets an instrument's pre-trade limits; 0 disables a limit.
 *
 * @param priceBandBps 0..10000, band around the reference price
 * @param maxQuantity  lots
 * @param maxNotional  quote minor units
 */
public record ConfigureRiskLimits(int instrumentId, int priceBandBps, long maxQuantity, long maxNotional) implements Command {
}
