package dev.tradewind.trading.internal;

import dev.tradewind.engine.instrument.Asset;
import dev.tradewind.engine.instrument.DecimalConverter;
import dev.tradewind.engine.query.Balance;
import dev.tradewind.identity.CurrentUser;
import dev.tradewind.platform.openapi.OpenApiConfiguration;
import dev.tradewind.trading.ReferenceData;
import dev.tradewind.trading.TradingAccounts;
import dev.tradewind.trading.TradingEngine;
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
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Trading")
@SecurityRequirement(name = OpenApiConfiguration.BEARER_AUTH)
class AccountController {
    private final TradingEngine engine;
    private final TradingAccounts accounts;
    private final ReferenceData referenceData;
    private final OrderService orders;
    private final TradingProperties properties;

    AccountController(TradingEngine engine, TradingAccounts accounts, ReferenceData referenceData, OrderService orders,
                      TradingProperties properties) {
        this.engine = engine;
        this.accounts = accounts;
        this.referenceData = referenceData;
        this.orders = orders;
        this.properties = properties;
    }

    @GetMapping("/balances")
    @Operation(summary = "Your balances", description = "Every asset, straight from the matching engine: total, "
            + "available, and reserved by open orders.")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
            [{"asset": "BTC", "total": "2.00000000", "available": "1.50000000", "reserved": "0.50000000"},
             {"asset": "USD", "total": "100000.00000000", "available": "100000.00000000", "reserved": "0.00000000"}]""")))
    List<BalanceView> balances(CurrentUser user) {
        Optional<Long> account = accounts.findAccount(user.userId());
        Map<Integer, Balance> byAsset = new HashMap<>();
        if (account.isPresent()) {
            long id = account.get();
            engine.query(m -> m.balances(id)).forEach(b -> byAsset.put(b.assetId(), b));
        }
        return referenceData.assets().stream().map(asset -> {
            Balance b = byAsset.getOrDefault(asset.id(), new Balance(asset.id(), 0, 0));
            return new BalanceView(asset.code(), amount(asset, b.total()), amount(asset, b.available()),
                    amount(asset, b.reserved()));
        }).toList();
    }

    @GetMapping("/fills")
    @Operation(summary = "Your fills", description = "Newest first; `X-Next-Cursor` as for orders.")
    @ApiResponse(responseCode = "200", headers = @Header(name = OrderController.NEXT_CURSOR,
            description = "Cursor of the next page; absent on the last page"),
            content = @Content(examples = @ExampleObject(value = """
                    [{"tradeId": 812, "orderId": 10452, "symbol": "BTC-USD", "side": "BUY", "price": "42000.50",
                      "quantity": "0.25000", "fee": "21.00025000", "feeAsset": "USD", "liquidity": "TAKER",
                      "timestamp": "2026-01-31T12:00:00.123456Z"}]""")))
    ResponseEntity<List<FillView>> fills(
            CurrentUser user,
            @Parameter(example = "BTC-USD") @RequestParam(required = false) String symbol,
            @Parameter(description = "Page size, default 100, at most 500") @RequestParam(required = false) @Min(1)
            Integer limit,
            @Parameter(description = "X-Next-Cursor of the previous page") @RequestParam(required = false) Long cursor) {
        int size = OrderController.pageSize(limit, properties);
        List<FillView> page = orders.fills(user.userId(), symbol, cursor, size);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (page.size() == size) {
            response.header(OrderController.NEXT_CURSOR, Long.toString(page.getLast().tradeId()));
        }
        return response.body(page);
    }

    private static BigDecimal amount(Asset asset, long minor) {
        return new BigDecimal(DecimalConverter.formatAmount(asset, minor));
    }
}
