package dev.tradewind.trading.internal;

import dev.tradewind.trading.DecimalText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.annotation.JsonDeserialize;

@Schema(name = "AddInstrument", description = "A new spot pair between two existing assets")
record AddInstrumentRequest(
        @NotBlank @Size(max = 25) @Schema(example = "ADA-USD") String symbol,
        @NotBlank @Size(max = 12) @Schema(example = "ADA") String baseAsset,
        @NotBlank @Size(max = 12) @Schema(example = "USD") String quoteAsset,
        @NotNull @JsonDeserialize(using = DecimalText.class) @Schema(example = "0.0001") String tickSize,
        @NotNull @JsonDeserialize(using = DecimalText.class) @Schema(example = "0.1") String lotSize,
        @NotNull @JsonDeserialize(using = DecimalText.class) @Schema(example = "1") String minQuantity) {
}
