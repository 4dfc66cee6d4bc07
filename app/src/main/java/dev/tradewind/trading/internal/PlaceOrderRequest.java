package dev.tradewind.trading.internal;

import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.annotation.JsonDeserialize;

@Schema(name = "PlaceOrder", description = "A new order. Decimals are strings in plain notation.")
public record PlaceOrderRequest(
        @NotBlank @Size(max = 25) @Schema(example = "BTC-USD") String symbol,
        @NotNull Side side,
        @NotNull OrderType type,
        @Schema(description = "Default GTC for LIMIT and STOP_LIMIT, IOC for MARKET and STOP_MARKET")
        TimeInForce timeInForce,
        @NotNull @JsonDeserialize(using = dev.tradewind.trading.DecimalText.class) @Schema(example = "0.50000") String quantity,
        @JsonDeserialize(using = dev.tradewind.trading.DecimalText.class)
        @Schema(description = "Required for LIMIT and STOP_LIMIT, absent otherwise", example = "42000.50") String price,
        @JsonDeserialize(using = dev.tradewind.trading.DecimalText.class)
        @Schema(description = "Required for STOP_LIMIT and STOP_MARKET", example = "41000.00") String stopPrice,
        @Size(max = 64) @Pattern(regexp = "[\\x21-\\x7E]*", message = "must be printable ASCII without spaces")
        @Schema(example = "my-order-1") String clientOrderId) {
}
