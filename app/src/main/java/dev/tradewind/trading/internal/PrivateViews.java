package dev.tradewind.trading.internal;

import dev.tradewind.engine.instrument.Asset;
import dev.tradewind.engine.instrument.DecimalConverter;
import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.engine.order.Liquidity;
import dev.tradewind.engine.result.OrderSnapshot;
import dev.tradewind.trading.EngineCatalog;
import java.math.BigDecimal;
import java.time.Instant;

/** Engine units to the decimals of the private WebSocket channels, as the REST API shows them. */
final class PrivateViews {
    private final EngineCatalog catalog;

    PrivateViews(EngineCatalog catalog) {
        this.catalog = catalog;
    }

    OrderUpdate order(TrackedOrder o, String event, String expiryReason, OrderUpdate.FillUpdate fill, long sequence,
                      long timestampNanos) {
        Instrument instrument = catalog.instrument(o.instrumentId);
        return new OrderUpdate(o.orderId, o.clientOrderId, instrument.symbol(), o.side, o.type, o.timeInForce,
                o.price > 0 ? decimal(DecimalConverter.formatPrice(instrument, o.price)) : null,
                o.stopPrice > 0 ? decimal(DecimalConverter.formatPrice(instrument, o.stopPrice)) : null,
                decimal(DecimalConverter.formatQuantity(instrument, o.quantity)),
                decimal(DecimalConverter.formatQuantity(instrument, o.filledQuantity)),
                decimal(DecimalConverter.formatAveragePrice(instrument, o.filledValue, o.filledQuantity)),
                o.status, null, event, expiryReason, fill, sequence,
                o.createdNanos > 0 ? instant(o.createdNanos) : null, instant(timestampNanos));
    }

    OrderUpdate snapshot(OrderSnapshot o, long sequence) {
        return order(TrackedOrder.of(o, null, sequence), "SNAPSHOT", null, null, sequence, 0)
                .withoutUpdatedAt();
    }

    OrderUpdate.FillUpdate fill(int instrumentId, long tradeId, long price, long quantity, long fee,
                                Liquidity liquidity) {
        Instrument instrument = catalog.instrument(instrumentId);
        Asset quote = catalog.asset(instrument.quoteAssetId());
        return new OrderUpdate.FillUpdate(tradeId, decimal(DecimalConverter.formatPrice(instrument, price)),
                decimal(DecimalConverter.formatQuantity(instrument, quantity)),
                decimal(DecimalConverter.formatAmount(quote, fee)), quote.code(), liquidity);
    }

    BalanceView balance(int assetId, long total, long reserved) {
        Asset asset = catalog.asset(assetId);
        return new BalanceView(asset.code(), amount(asset, total), amount(asset, total - reserved),
                amount(asset, reserved));
    }

    String symbol(int instrumentId) {
        return catalog.instrument(instrumentId).symbol();
    }

    static BigDecimal amount(Asset asset, long minor) {
        return new BigDecimal(DecimalConverter.formatAmount(asset, minor));
    }

    static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos);
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
