package dev.tradewind.marketdata.internal;

import dev.tradewind.engine.marketdata.candle.CandleInterval;
import dev.tradewind.marketdata.MarketDataProperties;
import dev.tradewind.platform.web.ApiException;
import dev.tradewind.platform.web.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public market data (API.md "Market data"): ticker, book, trades and candles of one symbol. */
@RestController
@RequestMapping("/api/v1/markets/{symbol}")
@Tag(name = "Market data")
class MarketDataController {
    static final int MAX_DEPTH = 500;

    private final MarketQueries queries;
    private final MarketDataProperties properties;

    MarketDataController(MarketQueries queries, MarketDataProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    @GetMapping("/ticker")
    @Operation(summary = "Ticker", description = "Last trade price, best bid and ask of the order book, the latest "
            + "reference price from the market feed (stop orders trigger on it and on trades), and the rolling 24 h "
            + "volume and change. Fields not known yet are null. Public; 404 NOT_FOUND for an unlisted symbol.")
    TickerView ticker(@Parameter(example = "BTC-USD") @PathVariable String symbol) {
        return queries.ticker(symbol);
    }

    @GetMapping("/book")
    @Operation(summary = "Order book", description = "Aggregated price levels of the engine's book, best first, as "
            + "[price, quantity] string pairs, with the engine sequence they reflect. Public.")
    BookView book(@Parameter(example = "BTC-USD") @PathVariable String symbol,
                  @Parameter(description = "Levels per side, 1–500", example = "20")
                  @RequestParam(defaultValue = "20") int depth) {
        requireRange("depth", depth, 1, MAX_DEPTH);
        return queries.book(symbol, depth);
    }

    @GetMapping("/trades")
    @Operation(summary = "Recent trades", description = "Trades on Tradewind's own book, newest first. Public.")
    List<TradeView> trades(@Parameter(example = "BTC-USD") @PathVariable String symbol,
                           @Parameter(description = "At most this many, 1–recent-trades (default cap 1000)", example = "100")
                           @RequestParam(defaultValue = "100") int limit) {
        requireRange("limit", limit, 1, properties.recentTrades());
        return queries.trades(symbol, limit);
    }

    @GetMapping("/candles")
    @Operation(summary = "Candles", description = "OHLCV candles with from <= time < to, oldest first; at most "
            + "limit of them, the newest ones in the range. Built from trades and reference prices (volume from trades "
            + "only); periods without data have no candle. The last one may still be open. Public.")
    List<CandleView> candles(@Parameter(example = "BTC-USD") @PathVariable String symbol,
                             @Parameter(description = "1s, 1m, 5m, 1h or 1d", example = "1m")
                             @RequestParam(defaultValue = "1m") String interval,
                             @Parameter(description = "Inclusive start: ISO-8601 instant or epoch milliseconds",
                                     example = "2026-01-01T00:00:00Z") @RequestParam(required = false) @Nullable String from,
                             @Parameter(description = "Exclusive end: ISO-8601 instant or epoch milliseconds",
                                     example = "1767312000000") @RequestParam(required = false) @Nullable String to,
                             @Parameter(description = "At most this many (default 500, at most 1500)", example = "500")
                             @RequestParam(required = false) @Nullable Integer limit) {
        CandleInterval candleInterval;
        try {
            candleInterval = CandleInterval.ofCode(interval);
        } catch (IllegalArgumentException e) {
            throw invalid("interval must be one of 1s, 1m, 5m, 1h, 1d");
        }
        long fromMillis = from == null ? Long.MIN_VALUE : time("from", from);
        long toMillis = to == null ? Long.MAX_VALUE : time("to", to);
        if (fromMillis >= toMillis) {
            throw invalid("from must be before to");
        }
        int max = properties.candles().maxLimit();
        int n = limit == null ? properties.candles().defaultLimit() : limit;
        requireRange("limit", n, 1, max);
        return queries.candles(symbol, candleInterval, fromMillis, toMillis, n);
    }

    private static long time(String name, String text) {
        String value = text.strip();
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit) && value.length() <= 15) {
            return Long.parseLong(value);
        }
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw invalid(name + " must be an ISO-8601 instant (2026-01-01T00:00:00Z) or epoch milliseconds");
        }
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(name + " must be between " + min + " and " + max);
        }
    }

    private static ApiException invalid(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED, detail);
    }
}
