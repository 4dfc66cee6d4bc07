package dev.tradewind.engine.core;

import dev.tradewind.engine.book.OrderBook;
import dev.tradewind.engine.book.SortedArrayOrderBook;
import dev.tradewind.engine.book.StopBook;
import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.engine.instrument.InstrumentStatus;
import dev.tradewind.engine.risk.RiskLimits;

/** Everything the engine keeps per instrument. */
final class Market {
    final Instrument instrument;
    final int id;
    final int baseAsset;
    final int quoteAsset;
    final OrderBook book;
    final StopBook stops;
    InstrumentStatus status = InstrumentStatus.TRADING;
    RiskLimits limits = RiskLimits.NONE;
    /** Last price from UpdateReferencePrice, 0 until the first one; anchors the price band. */
    long referencePrice;
    long lastTradePrice;
    /** What stops watch: the most recent of {@link #lastTradePrice} and {@link #referencePrice}. */
    long marketPrice;

    Market(Instrument instrument) {
        this.instrument = instrument;
        this.id = instrument.id();
        this.baseAsset = instrument.baseAssetId();
        this.quoteAsset = instrument.quoteAssetId();
        this.book = new SortedArrayOrderBook(instrument.id());
        this.stops = new StopBook(instrument.id());
    }

    boolean isTrading() {
        return status == InstrumentStatus.TRADING;
    }
}
