package dev.tradewind.trading.internal;

import dev.tradewind.identity.CurrentUser;
import dev.tradewind.platform.openapi.OpenApiConfiguration;
import dev.tradewind.trading.TradingProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Trading")
@SecurityRequirement(name = OpenApiConfiguration.BEARER_AUTH)
class OrderController {
    static final String NEXT_CURSOR = "X-Next-Cursor";
    private static final String ORDER_EXAMPLE = """
            {"orderId": 10452, "clientOrderId": "my-order-1", "symbol": "BTC-USD", "side": "BUY", "type": "LIMIT",
             "timeInForce": "GTC", "price": "42000.50", "quantity": "0.50000", "filledQuantity": "0.25000",
             "averageFillPrice": "42000.5", "status": "PARTIALLY_FILLED",
             "fills": [{"tradeId": 812, "orderId": 10452, "symbol": "BTC-USD", "side": "BUY", "price": "42000.50",
                        "quantity": "0.25000", "fee": "21.00025000", "feeAsset": "USD", "liquidity": "TAKER",
                        "timestamp": "2026-01-31T12:00:00.123456Z"}],
             "createdAt": "2026-01-31T12:00:00.123456Z", "updatedAt": "2026-01-31T12:00:00.123456Z"}""";

    private final OrderService orders;
    private final TradingProperties properties;

    OrderController(OrderService orders, TradingProperties properties) {
        this.orders = orders;
        this.properties = properties;
    }

    @PostMapping
    @Operation(summary = "Place an order", description = """
            Answers after the engine has processed the order, immediate fills included. Prices must be multiples \
            of the instrument's tick size, quantities multiples of its lot size and at least its minimum. \
            Send an `Idempotency-Key` header to make retries safe.""")
    @ApiResponse(responseCode = "201", description = "Accepted by the engine; status NEW, PARTIALLY_FILLED, FILLED, "
            + "EXPIRED (IOC remainder) or PENDING_TRIGGER (stops)",
            headers = @Header(name = "Location", description = "URL of the order"),
            content = @Content(examples = @ExampleObject(value = ORDER_EXAMPLE)))
    @ApiResponse(responseCode = "422", description = """
            Refused; `code` says why: UNKNOWN_INSTRUMENT, NOT_POSITIVE, NUMBER_TOO_LARGE, PRICE_OFF_TICK, \
            QUANTITY_OFF_LOT, QUANTITY_TOO_SMALL (input), or the engine's INSUFFICIENT_FUNDS, INSTRUMENT_HALTED, \
            INVALID_PRICE, INVALID_STOP_PRICE, INVALID_TIME_IN_FORCE, PRICE_OUT_OF_BAND, POST_ONLY_WOULD_TAKE, \
            FOK_NOT_FILLABLE, QUANTITY_TOO_LARGE, NOTIONAL_TOO_LARGE""")
    @ApiResponse(responseCode = "503", description = "SERVICE_UNAVAILABLE: the engine is saturated or restarting; "
            + "retry after Retry-After seconds", headers = @Header(name = "Retry-After", description = "Seconds"))
    ResponseEntity<OrderView> place(CurrentUser user, @Valid @RequestBody PlaceOrderRequest request) {
        OrderView order = orders.place(user.userId(), request);
        return ResponseEntity.created(URI.create("/api/v1/orders/" + order.orderId())).body(order);
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "Get one of your orders", description = "Another user's order is 404, like a missing one.")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = ORDER_EXAMPLE)))
    OrderView get(CurrentUser user, @PathVariable long orderId) {
        return orders.get(user.userId(), orderId);
    }

    @GetMapping
    @Operation(summary = "List your orders", description = """
            Newest first. When the page is full, header `X-Next-Cursor` holds the value to pass as `cursor` for \
            the next page.""")
    @ApiResponse(responseCode = "200", headers = @Header(name = NEXT_CURSOR,
            description = "Cursor of the next page; absent on the last page"),
            content = @Content(examples = @ExampleObject(value = "[" + ORDER_EXAMPLE + "]")))
    ResponseEntity<List<OrderView>> list(
            CurrentUser user,
            @Parameter(description = "`open` (default): PENDING_TRIGGER, NEW, PARTIALLY_FILLED; `all`: every order")
            @RequestParam(defaultValue = "open") @Pattern(regexp = "open|all", message = "must be open or all")
            String status,
            @Parameter(example = "BTC-USD") @RequestParam(required = false) String symbol,
            @Parameter(description = "Page size, default 100, at most 500") @RequestParam(required = false) @Min(1)
            Integer limit,
            @Parameter(description = "X-Next-Cursor of the previous page") @RequestParam(required = false) Long cursor) {
        int size = pageSize(limit, properties);
        List<OrderView> page = orders.list(user.userId(), status.equals("open"), symbol, cursor, size);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (page.size() == size) {
            response.header(NEXT_CURSOR, Long.toString(page.getLast().orderId()));
        }
        return response.body(page);
    }

    @DeleteMapping("/{orderId}")
    @Operation(summary = "Cancel an open order", description = "Releases what the order reserved.")
    @ApiResponse(responseCode = "200", description = "Cancelled; status CANCELLED")
    @ApiResponse(responseCode = "409", description = "ORDER_NOT_OPEN: already filled, cancelled or expired")
    @ApiResponse(responseCode = "503", description = "SERVICE_UNAVAILABLE: the engine is saturated or restarting",
            headers = @Header(name = "Retry-After", description = "Seconds"))
    OrderView cancel(CurrentUser user, @PathVariable long orderId) {
        return orders.cancel(user.userId(), orderId);
    }

    static int pageSize(Integer limit, TradingProperties properties) {
        return limit == null ? properties.defaultPageSize() : Math.min(limit, properties.maxPageSize());
    }
}
