package dev.tradewind.trading.internal;

import dev.tradewind.engine.order.Liquidity;
import dev.tradewind.engine.order.Side;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

@Schema(name = "Fill", description = "One trade of one of your orders")
public record FillView(
        @Schema(example = "812") long tradeId,
        @Schema(example = "10452") long orderId,
        @Schema(example = "BTC-USD") String symbol,
        @Schema(description = "Your order's side") Side side,
        @Schema(example = "42000.50") BigDecimal price,
        @Schema(example = "0.25000") BigDecimal quantity,
        @Schema(description = "Fee you paid, in feeAsset", example = "21.00025000") BigDecimal fee,
        @Schema(example = "USD") String feeAsset,
        @Schema(description = "MAKER if your order was resting in the book") Liquidity liquidity,
        @Schema(example = "2026-01-31T12:00:00.123456Z") Instant timestamp) {
}
