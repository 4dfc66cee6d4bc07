package dev.tradewind.trading.internal;

import dev.tradewind.engine.instrument.InstrumentStatus;
import dev.tradewind.trading.InstrumentInfo;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

@Schema(name = "Instrument", description = "A tradable spot pair and its order rules")
public record InstrumentView(
        @Schema(example = "BTC-USD") String symbol,
        @Schema(example = "BTC") String baseAsset,
        @Schema(example = "USD") String quoteAsset,
        @Schema(description = "Prices must be a multiple of this", example = "0.01") BigDecimal tickSize,
        @Schema(description = "Quantities must be a multiple of this", example = "0.00001") BigDecimal lotSize,
        @Schema(description = "Smallest order quantity", example = "0.0001") BigDecimal minQuantity,
        @Schema(example = "TRADING") InstrumentStatus status) {

    static InstrumentView of(InstrumentInfo info) {
        return new InstrumentView(info.symbol(), info.base().code(), info.quote().code(), info.tickSize(),
                info.lotSize(), info.minQuantity(), info.status());
    }
}
