package dev.tradewind.trading.internal;

import dev.tradewind.engine.order.Liquidity;
import dev.tradewind.engine.order.OrderStatus;
import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One message of the {@code orders} WebSocket channel: the order's state after one change, in the shape
 * of API.md's Order without the {@code fills} list (the fill of this change, if any, is {@code fill}),
 * plus what happened ({@code event}) and the engine {@code sequence} of the command that did it, so a
 * client can order and dedupe messages (also against the subscribe snapshot). Null fields are left out.
 *
 * @param event        ACCEPTED, REJECTED, TRADE, CANCELLED, EXPIRED, STOP_TRIGGERED, REPLACED; SNAPSHOT in the
 *                     subscribe snapshot and after a re-sync
 * @param expiryReason why the engine closed the order, for EXPIRED: UNFILLED_REMAINDER, SELF_TRADE_PREVENTED, …
 * @param createdAt    absent when the stream met the order only after its creation (it was open before the
 *                     app started); {@code GET /orders/{orderId}} has it
 */
record OrderUpdate(
        long orderId,
        String clientOrderId,
        String symbol,
        Side side,
        OrderType type,
        TimeInForce timeInForce,
        BigDecimal price,
        BigDecimal stopPrice,
        BigDecimal quantity,
        BigDecimal filledQuantity,
        BigDecimal averageFillPrice,
        OrderStatus status,
        String rejectCode,
        String event,
        String expiryReason,
        FillUpdate fill,
        long sequence,
        Instant createdAt,
        Instant updatedAt) {

    /** A snapshot says how the order is, not when it last changed (the engine does not keep that). */
    OrderUpdate withoutUpdatedAt() {
        return new OrderUpdate(orderId, clientOrderId, symbol, side, type, timeInForce, price, stopPrice, quantity,
                filledQuantity, averageFillPrice, status, rejectCode, event, expiryReason, fill, sequence, createdAt, null);
    }

    /** The fill an order got in a TRADE change, from the order's side (fee in {@code feeAsset}). */
    record FillUpdate(long tradeId, BigDecimal price, BigDecimal quantity, BigDecimal fee, String feeAsset,
                      Liquidity liquidity) {
    }
}
