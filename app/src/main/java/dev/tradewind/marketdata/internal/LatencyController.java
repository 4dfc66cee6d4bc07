package dev.tradewind.marketdata.internal;

import dev.tradewind.platform.web.ApiException;
import dev.tradewind.platform.web.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/admin/latency} (ADMIN, by the security rule on /api/v1/admin/**). */
@RestController
@Tag(name = "Administration")
class LatencyController {
    private final MarketDataMetrics metrics;

    LatencyController(MarketDataMetrics metrics) {
        this.metrics = metrics;
    }

    @GetMapping("/api/v1/admin/latency")
    @Operation(summary = "Market-data latency (ADMIN)", description = "Per pipeline stage (parse, normalize, apply, candles, "
            + "ticker, triggers, sinks, total): sample count, p50, p99, p99.9, max and mean in nanoseconds since the "
            + "pipeline started; the alert threshold and how many updates exceeded it; rejected feed input by reason. "
            + "The same percentiles are in /actuator/prometheus as tradewind_marketdata_latency_seconds.")
    LatencyView latency() {
        return metrics.view().orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                ErrorCodes.SERVICE_UNAVAILABLE, "Market data is not running yet; retry in a moment"));
    }
}
