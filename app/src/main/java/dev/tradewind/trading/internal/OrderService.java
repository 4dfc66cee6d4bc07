package dev.tradewind.trading.internal;

import dev.tradewind.engine.command.CancelOrder;
import dev.tradewind.engine.command.PlaceOrder;
import dev.tradewind.engine.instrument.DecimalConverter;
import dev.tradewind.engine.instrument.DecimalError;
import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.engine.instrument.InvalidDecimalException;
import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.result.Fill;
import dev.tradewind.engine.result.OrderResult;
import dev.tradewind.engine.result.OrderSnapshot;
import dev.tradewind.engine.result.RejectCode;
import dev.tradewind.engine.result.Result;
import dev.tradewind.platform.web.ApiException;
import dev.tradewind.platform.web.ErrorCodes;
import dev.tradewind.trading.InstrumentInfo;
import dev.tradewind.trading.PersistedSequence;
import dev.tradewind.trading.ReferenceData;
import dev.tradewind.trading.TradingAccounts;
import dev.tradewind.trading.TradingEngine;
import dev.tradewind.trading.TradingProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Placing and cancelling orders. Input is converted exactly to engine units by the engine's
 * {@link DecimalConverter} (nothing is rounded) before anything is sent; the engine decides the rest.
 *
 * <p>Read-your-writes: after the engine accepted a command, the answer waits until the persister
 * has committed that command's sequence (normally a few milliseconds) and is then read from
 * PostgreSQL, exactly as a following GET will see it. If the persister does not get there within
 * {@code tradewind.trading.read-your-writes-timeout}, the answer is built from the engine's result.
 */
@Service
public class OrderService {
    static final String UNKNOWN_INSTRUMENT = "UNKNOWN_INSTRUMENT";
    static final String ORDER_NOT_OPEN = "ORDER_NOT_OPEN";

    private final TradingEngine engine;
    private final ReferenceData referenceData;
    private final TradingAccounts accounts;
    private final OrderQueries queries;
    private final PersistedSequence persisted;
    private final TradingProperties properties;

    OrderService(TradingEngine engine, ReferenceData referenceData, TradingAccounts accounts, OrderQueries queries,
                 PersistedSequence persisted, TradingProperties properties) {
        this.engine = engine;
        this.referenceData = referenceData;
        this.accounts = accounts;
        this.queries = queries;
        this.persisted = persisted;
        this.properties = properties;
    }

    public OrderView place(UUID userId, PlaceOrderRequest request) {
        InstrumentInfo info = referenceData.instrument(request.symbol())
                .orElseThrow(() -> new FieldProblemException(HttpStatus.UNPROCESSABLE_CONTENT, UNKNOWN_INSTRUMENT,
                        "symbol", "No instrument " + abbreviate(request.symbol()) + "; see GET /api/v1/instruments."));
        Instrument instrument = info.instrument();
        long quantity = convert("quantity", () -> DecimalConverter.quantityLots(instrument, request.quantity()));
        long price = request.price() == null ? 0
                : convert("price", () -> DecimalConverter.priceTicks(instrument, request.price()));
        long stopPrice = request.stopPrice() == null ? 0
                : convert("stopPrice", () -> DecimalConverter.priceTicks(instrument, request.stopPrice()));
        TimeInForce timeInForce = request.timeInForce() != null ? request.timeInForce()
                : request.type() == OrderType.MARKET || request.type() == OrderType.STOP_MARKET ? TimeInForce.IOC
                : TimeInForce.GTC;
        String clientOrderId = request.clientOrderId() == null || request.clientOrderId().isEmpty() ? null
                : request.clientOrderId();
        long account = accounts.accountOf(userId);
        OrderResult result = orderResult(engine.execute(new PlaceOrder(account, instrument.id(), request.side(),
                request.type(), timeInForce, price, stopPrice, quantity, clientOrderId)));
        if (!result.accepted()) {
            throw rejected(result.rejectCode());
        }
        return readBack(account, result, info);
    }

    public OrderView cancel(UUID userId, long orderId) {
        long account = accounts.findAccount(userId).orElseThrow(() -> ApiException.notFound("Order"));
        OrderView existing = queries.find(account, orderId).orElseThrow(() -> ApiException.notFound("Order"));
        if (!existing.status().isOpen()) {
            throw notOpen(existing);
        }
        OrderResult result = orderResult(engine.execute(new CancelOrder(account, orderId)));
        if (!result.accepted()) {
            if (result.rejectCode() == RejectCode.ORDER_NOT_OPEN || result.rejectCode() == RejectCode.UNKNOWN_ORDER) {
                // it closed (filled, expired) after we read it
                persisted.await(engine.publishedSequence(), properties.readYourWritesTimeout());
                throw notOpen(queries.find(account, orderId).orElse(existing));
            }
            throw rejected(result.rejectCode());
        }
        InstrumentInfo info = referenceData.instrument(existing.symbol()).orElseThrow();
        return readBack(account, result, info);
    }

    public OrderView get(UUID userId, long orderId) {
        return accounts.findAccount(userId).flatMap(account -> queries.find(account, orderId))
                .orElseThrow(() -> ApiException.notFound("Order"));
    }

    public List<OrderView> list(UUID userId, boolean openOnly, String symbol, Long before, int limit) {
        return accounts.findAccount(userId).map(account -> queries.list(account, openOnly, symbol, before, limit))
                .orElse(List.of());
    }

    public List<FillView> fills(UUID userId, String symbol, Long before, int limit) {
        return accounts.findAccount(userId).map(account -> queries.fills(account, symbol, before, limit))
                .orElse(List.of());
    }

    private OrderView readBack(long account, OrderResult result, InstrumentInfo info) {
        long orderId = result.order().orderId();
        if (persisted.await(result.sequence(), properties.readYourWritesTimeout())) {
            var stored = queries.find(account, orderId);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        return fromResult(result, info);
    }

    /** The answer when PostgreSQL is not there yet: the engine's view, timestamps approximated by now. */
    private static OrderView fromResult(OrderResult result, InstrumentInfo info) {
        OrderSnapshot o = result.order();
        Instrument instrument = info.instrument();
        Instant now = Instant.now();
        List<FillView> fills = result.fills().stream().map((Fill f) -> new FillView(f.tradeId(), o.orderId(),
                info.symbol(), o.side(), decimal(DecimalConverter.formatPrice(instrument, f.price())),
                decimal(DecimalConverter.formatQuantity(instrument, f.quantity())),
                decimal(DecimalConverter.formatAmount(info.quote(), f.fee())), info.quote().code(), f.liquidity(), now))
                .toList();
        return new OrderView(o.orderId(), o.clientOrderId(), info.symbol(), o.side(), o.type(), o.timeInForce(),
                o.price() > 0 ? decimal(DecimalConverter.formatPrice(instrument, o.price())) : null,
                o.stopPrice() > 0 ? decimal(DecimalConverter.formatPrice(instrument, o.stopPrice())) : null,
                decimal(DecimalConverter.formatQuantity(instrument, o.quantity())),
                decimal(DecimalConverter.formatQuantity(instrument, o.filledQuantity())),
                decimal(DecimalConverter.formatAveragePrice(instrument, o.filledValue(), o.filledQuantity())),
                o.status(), o.rejectCode() == null ? null : o.rejectCode().name(), fills, now, now);
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private static OrderResult orderResult(Result result) {
        if (result instanceof OrderResult order) {
            return order;
        }
        throw new IllegalStateException("expected an OrderResult, got " + result);
    }

    private static ApiException rejected(RejectCode code) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code.name(), RejectMessages.of(code));
    }

    private static ApiException notOpen(OrderView order) {
        return new ApiException(HttpStatus.CONFLICT, ORDER_NOT_OPEN, "Order " + order.orderId() + " is "
                + order.status() + ", not open.");
    }

    /**
     * Converts one field. Malformed text is a 400 (a syntax error, like a wrong JSON type); a
     * well-formed value the instrument's rules refuse is a 422 with the converter's code
     * (NOT_POSITIVE, NUMBER_TOO_LARGE, PRICE_OFF_TICK, QUANTITY_OFF_LOT, QUANTITY_TOO_SMALL).
     */
    private static long convert(String field, LongSupplier conversion) {
        try {
            return conversion.getAsLong();
        } catch (InvalidDecimalException e) {
            if (e.error() == DecimalError.INVALID_NUMBER) {
                throw new FieldProblemException(HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED, field,
                        field + ": " + e.getMessage());
            }
            throw new FieldProblemException(HttpStatus.UNPROCESSABLE_CONTENT, e.code(), field, field + ": " + e.getMessage());
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 25 ? "'" + text + "'" : "'" + text.substring(0, 22) + "...'";
    }
}
