package dev.tradewind.ledger.internal;

import dev.tradewind.identity.CurrentUser;
import dev.tradewind.platform.openapi.OpenApiConfiguration;
import dev.tradewind.trading.TradingAccounts;
import dev.tradewind.trading.TradingProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ledger")
@Tag(name = "Trading")
@SecurityRequirement(name = OpenApiConfiguration.BEARER_AUTH)
class LedgerController {
    static final String NEXT_CURSOR = "X-Next-Cursor";

    private final JdbcClient jdbc;
    private final TradingAccounts accounts;
    private final TradingProperties properties;

    LedgerController(JdbcClient jdbc, TradingAccounts accounts, TradingProperties properties) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.properties = properties;
    }

    @GetMapping
    @Operation(summary = "Your ledger", description = """
            Every movement of your money, newest first: deposits, withdrawals, adjustments, and per trade one line \
            per asset plus the fee. When the page is full, `X-Next-Cursor` holds the `cursor` of the next page.""")
    @ApiResponse(responseCode = "200", headers = @Header(name = NEXT_CURSOR, description = "Cursor of the next page"),
            content = @Content(examples = @ExampleObject(value = """
                    [{"entryId": 1042, "type": "FEE", "asset": "USD", "amount": "-21.00025000",
                      "balanceAfter": "89478.87475000", "reference": "trade:812", "timestamp": "2026-01-31T12:00:00.123456Z"},
                     {"entryId": 1042, "type": "TRADE", "asset": "USD", "amount": "-10500.12500000",
                      "balanceAfter": "89499.87500000", "reference": "trade:812", "timestamp": "2026-01-31T12:00:00.123456Z"}]""")))
    ResponseEntity<List<LedgerLineView>> ledger(
            CurrentUser user,
            @Parameter(example = "USD") @RequestParam(required = false) String asset,
            @Parameter(description = "Page size, default 100, at most 500") @RequestParam(required = false) @Min(1)
            Integer limit,
            @Parameter(description = "X-Next-Cursor of the previous page") @RequestParam(required = false) String cursor) {
        int size = limit == null ? properties.defaultPageSize() : Math.min(limit, properties.maxPageSize());
        Optional<Long> account = accounts.findAccount(user.userId());
        if (account.isEmpty()) {
            return ResponseEntity.ok(List.of());
        }
        long[] position = cursor == null ? null : parseCursor(cursor);
        LedgerQueries.Sql sql = LedgerQueries.linesSql(account.get(), asset, position, size);
        List<Object[]> rows = new ArrayList<>();
        List<LedgerLineView> lines = jdbc.sql(sql.text()).params(sql.params()).query((rs, n) -> {
            rows.add(new Object[] {rs.getLong("entry_id"), rs.getInt("line")});
            return new LedgerLineView(rs.getLong("entry_id"), rs.getString("kind"), rs.getString("asset"),
                    rs.getBigDecimal("amount"), rs.getBigDecimal("balance_after"), rs.getString("reference"),
                    rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
        }).list();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (lines.size() == size) {
            Object[] last = rows.getLast();
            response.header(NEXT_CURSOR, last[0] + "-" + last[1]);
        }
        return response.body(lines);
    }

    private static long[] parseCursor(String cursor) {
        int dash = cursor.indexOf('-');
        try {
            return new long[] {Long.parseLong(cursor.substring(0, dash)), Long.parseLong(cursor.substring(dash + 1))};
        } catch (RuntimeException e) {
            throw new dev.tradewind.platform.web.ApiException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    dev.tradewind.platform.web.ErrorCodes.VALIDATION_FAILED, "cursor: not a cursor from X-Next-Cursor.");
        }
    }
}
