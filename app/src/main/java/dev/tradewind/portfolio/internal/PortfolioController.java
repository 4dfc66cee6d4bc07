package dev.tradewind.portfolio.internal;

import dev.tradewind.identity.CurrentUser;
import dev.tradewind.platform.openapi.OpenApiConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/portfolio", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Portfolio", description = "Positions, average cost, P&L and risk metrics of the signed-in user")
@SecurityRequirement(name = OpenApiConfiguration.BEARER_AUTH)
class PortfolioController {
    static final int MAX_HISTORY_DAYS = 3650;

    private final PortfolioService portfolio;

    PortfolioController(PortfolioService portfolio) {
        this.portfolio = portfolio;
    }

    @GetMapping
    @Operation(summary = "The caller's portfolio", description = """
            Every held asset valued at its last price (the reference price before its first trade), with the \
            weighted average cost from the caller's fills (fees included), unrealized and realized P&L, and \
            risk metrics from the daily returns of the portfolio value over the last 365 days: annualized \
            volatility, 1-day historical VaR 95 % and the Sharpe ratio. A metric is null until there is \
            enough history (2 daily returns; 20 for VaR). All numbers are decimal strings in USD. \
            Formulas: docs/portfolio.md.""")
    @ApiResponse(responseCode = "200", description = "The portfolio",
            content = @Content(schema = @Schema(implementation = PortfolioResponse.class), examples = {
                    @ExampleObject(name = "trader", value = ApiExamples.PORTFOLIO),
                    @ExampleObject(name = "not enough history", value = ApiExamples.PORTFOLIO_NEW_USER)}))
    @ApiResponse(responseCode = "503", description = "SERVICE_UNAVAILABLE: no module provides holdings, prices "
            + "and fills on this server yet",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = ApiExamples.UNAVAILABLE)))
    PortfolioResponse portfolio(CurrentUser caller) {
        return PortfolioResponse.of(portfolio.overview(caller.userId()));
    }

    @GetMapping("/history")
    @Operation(summary = "The caller's portfolio value per day", description = """
            Daily portfolio values in USD for the dashboard chart, oldest first: the close of each UTC day \
            (recorded shortly after midnight UTC), then today's current value. Days without a recorded value \
            (no holdings, or before the first snapshot) are absent.""")
    @ApiResponse(responseCode = "200", description = "Daily values",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = DailyValueResponse.class)),
                    examples = @ExampleObject(value = ApiExamples.HISTORY)))
    @ApiResponse(responseCode = "503", description = "SERVICE_UNAVAILABLE: no module provides holdings and prices "
            + "on this server yet",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = ApiExamples.UNAVAILABLE)))
    List<DailyValueResponse> history(CurrentUser caller,
            @Parameter(description = "How many days, today included (1 to 3650)", example = "90")
            @RequestParam(defaultValue = "90") @Min(1) @Max(MAX_HISTORY_DAYS) int days) {
        return portfolio.history(caller.userId(), days).stream().map(DailyValueResponse::of).toList();
    }
}
