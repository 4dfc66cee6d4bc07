package dev.tradewind.engine.command;

/**
 * Changes a resting order's price and/or total quantity (filled part included, as in FIX).
 * Lowering only the quantity keeps time priority; a price change or a larger quantity re-enters the
 * order at the back of its new level, and a new price that crosses trades immediately.
 *
 * @param newPrice    ticks, 0 to keep the price
 * @param newQuantity lots, 0 to keep the quantity; must exceed what is already filled
 */
public record ReplaceOrder(long accountId, long orderId, long newPrice, long newQuantity) implements Command {
}
