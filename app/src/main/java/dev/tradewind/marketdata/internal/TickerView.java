package dev.tradewind.marketdata.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

@Schema(name = "Ticker", description = "Last trade, best bid/ask of the engine's book, the reference price and the rolling "
        + "24 h volume and change; decimals are strings, null when not known yet")
@JsonInclude(JsonInclude.Include.ALWAYS)
record TickerView(
        @Schema(example = "BTC-USD") String symbol,
        @Schema(description = "Price of the latest trade (Tradewind's or the feed's)", example = "60012.50") BigDecimal last,
        @Schema(description = "Best bid of the order book", example = "60010.00") BigDecimal bid,
        @Schema(description = "Best ask of the order book", example = "60015.00") BigDecimal ask,
        @Schema(description = "Latest reference price from the feed; stop orders trigger on it (and on trades)",
                example = "60012.00") BigDecimal referencePrice,
        @Schema(description = "Base quantity traded in the last 24 h", example = "12.84310") BigDecimal volume24h,
        @Schema(description = "Latest price minus the first price of the last 24 h", example = "-412.50") BigDecimal change24h,
        @Schema(description = "Time of the latest update", example = "2026-01-01T12:00:00.250Z") Instant timestamp) {
}
