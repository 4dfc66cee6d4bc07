package dev.tradewind.portfolio.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One point of GET /api/v1/portfolio/history. */
@Schema(description = "Portfolio value on a UTC day: the close, or for today the current value")
record DailyValueResponse(
        @Schema(description = "UTC day", example = "2026-03-01") LocalDate day,
        @Schema(description = "Value in USD, 2 decimals") BigDecimal value) {

    static DailyValueResponse of(DailyValue value) {
        return new DailyValueResponse(value.day(), Decimals.money(value.value()));
    }
}
