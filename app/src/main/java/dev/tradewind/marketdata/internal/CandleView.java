package dev.tradewind.marketdata.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

@Schema(name = "Candle", description = "OHLCV of one interval from trades and reference prices; volume counts trades only")
record CandleView(
        @Schema(description = "Start of the interval (UTC-aligned)", example = "2026-01-01T12:00:00Z") Instant time,
        @Schema(example = "60000.00") BigDecimal open,
        @Schema(example = "60031.50") BigDecimal high,
        @Schema(example = "59990.00") BigDecimal low,
        @Schema(example = "60012.50") BigDecimal close,
        @Schema(description = "Base quantity traded", example = "1.20480") BigDecimal volume) {
}
