package dev.tradewind.engine.result;

import java.util.List;

/**
 * Answer to PlaceOrder, CancelOrder and ReplaceOrder: the order as it stands after the command
 * (immediate fills included) so the app can answer {@code POST /orders} synchronously.
 *
 * @param order the order after the command; a REJECTED order for a refused PlaceOrder; for a refused
 *              cancel/replace the unchanged order, or null if there is no such open order
 * @param fills the order's fills caused by this command, oldest first
 */
public record OrderResult(long sequence, RejectCode rejectCode, OrderSnapshot order, List<Fill> fills) implements Result {
}
