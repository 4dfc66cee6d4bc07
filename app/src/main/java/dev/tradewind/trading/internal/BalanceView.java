package dev.tradewind.trading.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

@Schema(name = "Balance", description = "One asset of your account: total = available + reserved (held by open orders)")
public record BalanceView(
        @Schema(example = "USD") String asset,
        @Schema(example = "100000.00000000") BigDecimal total,
        @Schema(example = "89979.00000000") BigDecimal available,
        @Schema(example = "10021.00000000") BigDecimal reserved) {
}
