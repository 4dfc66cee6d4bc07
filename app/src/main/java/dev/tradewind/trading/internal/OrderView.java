package dev.tradewind.trading.internal;

import dev.tradewind.engine.order.OrderStatus;
import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

@Schema(name = "Order", description = "An order and its fills; decimals are strings")
public record OrderView(
        @Schema(description = "Engine-assigned id", example = "10452") long orderId,
        @Schema(example = "my-order-1") String clientOrderId,
        @Schema(example = "BTC-USD") String symbol,
        Side side,
        OrderType type,
        TimeInForce timeInForce,
        @Schema(description = "Limit price; absent for MARKET and STOP_MARKET", example = "42000.50") BigDecimal price,
        @Schema(description = "Trigger price of stop orders", example = "41000.00") BigDecimal stopPrice,
        @Schema(example = "0.50000") BigDecimal quantity,
        @Schema(example = "0.25000") BigDecimal filledQuantity,
        @Schema(description = "Volume-weighted average fill price; absent before the first fill", example = "42000.5")
        BigDecimal averageFillPrice,
        OrderStatus status,
        @Schema(description = "Why the engine refused it (status REJECTED only)") String rejectCode,
        List<FillView> fills,
        Instant createdAt,
        Instant updatedAt) {

    OrderView withFills(List<FillView> newFills) {
        return new OrderView(orderId, clientOrderId, symbol, side, type, timeInForce, price, stopPrice, quantity,
                filledQuantity, averageFillPrice, status, rejectCode, newFills, createdAt, updatedAt);
    }
}
