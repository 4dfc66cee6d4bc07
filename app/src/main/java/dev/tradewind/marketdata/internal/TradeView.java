package dev.tradewind.marketdata.internal;

import dev.tradewind.engine.order.Side;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

@Schema(name = "PublicTrade", description = "A trade on Tradewind's own book")
record TradeView(
        @Schema(example = "18407") long tradeId,
        @Schema(example = "60015.00") BigDecimal price,
        @Schema(example = "0.01666") BigDecimal quantity,
        @Schema(description = "Side of the order that took liquidity") Side takerSide,
        @Schema(example = "2026-01-01T12:00:00.123Z") Instant timestamp) {
}
