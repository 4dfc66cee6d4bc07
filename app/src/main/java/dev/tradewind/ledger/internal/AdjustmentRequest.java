package dev.tradewind.ledger.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonDeserialize;

@Schema(name = "AdjustmentRequest", description = "A signed correction of a user's balance")
record AdjustmentRequest(
        @NotNull UUID userId,
        @NotBlank @Schema(example = "USD") String asset,
        @NotNull @JsonDeserialize(using = dev.tradewind.trading.DecimalText.class)
        @Schema(description = "Signed, non-zero; at most the asset's decimals", example = "-12.50") String amount,
        @NotBlank @Size(max = 500) @Schema(example = "refund of ticket 4711") String reason) {
}
