package dev.tradewind.portfolio.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/** GET /api/v1/portfolio (API.md "Trading"); unknown values are JSON null, never left out. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "The caller's positions valued in the quote asset (USD), and risk metrics")
record PortfolioResponse(
        @Schema(description = "Held assets, largest market value first; assets without a price last")
        List<PositionResponse> positions,
        @Schema(description = "Sum of the positions' market values (USD, 2 decimals); unpriced assets excluded")
        BigDecimal totalValue,
        @Schema(description = "Currency of every value", example = "USD")
        String quoteAsset,
        MetricsResponse metrics) {

    static PortfolioResponse of(PortfolioService.Overview overview) {
        return new PortfolioResponse(overview.valuation().positions().stream().map(PositionResponse::of).toList(),
                Decimals.money(overview.valuation().totalValue()), dev.tradewind.portfolio.PriceSource.QUOTE_ASSET,
                MetricsResponse.of(overview.metrics()));
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(description = "One holding")
    record PositionResponse(
            @Schema(example = "BTC") String asset,
            @Schema(description = "Held quantity (available plus reserved)") BigDecimal quantity,
            @Schema(description = "Last price in USD, or the reference price before the first trade; null when unknown")
            BigDecimal price,
            @Schema(description = "quantity × price (USD, 2 decimals); null when the price is unknown")
            BigDecimal marketValue,
            @Schema(description = "Weighted average cost per unit from the caller's fills, fees included "
                    + "(USD, 8 decimals); null when nothing held was bought through fills")
            BigDecimal averageCost,
            @Schema(description = "(price − averageCost) × quantity (USD, 2 decimals); null when either is unknown")
            BigDecimal unrealizedPnl,
            @Schema(description = "Gain from sells against the average cost, net of fees (USD, 2 decimals); "
                    + "null when the cost is unknown. An addition to API.md")
            BigDecimal realizedPnl) {

        static PositionResponse of(Position p) {
            return new PositionResponse(p.asset(), p.quantity(), p.price(), Decimals.money(p.marketValue()),
                    Decimals.price(p.averageCost()), Decimals.money(p.unrealizedPnl()), Decimals.money(p.realizedPnl()));
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(description = "Risk metrics from the daily returns of the portfolio value; null = not enough history")
    record MetricsResponse(
            @Schema(description = "Annualized volatility: sample standard deviation of daily returns × √365, "
                    + "as a fraction (0.52 = 52 %), 6 decimals; needs 2 daily returns")
            BigDecimal volatility,
            @Schema(description = "1-day historical value at risk at 95 %: the 5th-percentile daily return "
                    + "(nearest rank) as a loss on the current value, positive USD, 2 decimals; needs 20 daily returns")
            BigDecimal var95,
            @Schema(description = "(mean daily return − risk-free rate / 365) / sample standard deviation × √365, "
                    + "6 decimals; needs 2 daily returns that are not all equal")
            BigDecimal sharpeRatio,
            @Schema(description = "Number of daily returns the metrics are computed from. An addition to API.md",
                    example = "90")
            int observations) {

        static MetricsResponse of(RiskMetrics m) {
            return new MetricsResponse(Decimals.ratio(m.volatility()), Decimals.money(m.var95()),
                    Decimals.ratio(m.sharpeRatio()), m.observations());
        }
    }
}
