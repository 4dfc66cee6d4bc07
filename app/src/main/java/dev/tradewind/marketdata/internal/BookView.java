package dev.tradewind.marketdata.internal;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

@Schema(name = "OrderBook", description = "Aggregated levels of the engine's book, best first: [price, quantity] as strings")
record BookView(
        @Schema(example = "BTC-USD") String symbol,
        @Schema(description = "Engine sequence the book reflects: a later book has a greater one", example = "18412") long sequence,
        @ArraySchema(arraySchema = @Schema(example = "[[\"60010.00\",\"0.01666\"],[\"60005.00\",\"0.03332\"]]"))
        List<List<BigDecimal>> bids,
        @ArraySchema(arraySchema = @Schema(example = "[[\"60015.00\",\"0.01666\"],[\"60020.00\",\"0.03332\"]]"))
        List<List<BigDecimal>> asks) {
}
