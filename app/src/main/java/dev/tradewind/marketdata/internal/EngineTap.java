package dev.tradewind.marketdata.internal;

import dev.tradewind.engine.event.BookLevelChanged;
import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.event.InstrumentAdded;
import dev.tradewind.engine.event.TradeExecuted;
import dev.tradewind.engine.marketdata.InstrumentScale;
import dev.tradewind.engine.marketdata.TakerSide;
import dev.tradewind.engine.marketdata.TradeReported;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.sequencer.EventBatch;
import dev.tradewind.engine.sequencer.EventConsumer;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's events as market data: every {@link TradeExecuted} goes into the pipeline as a trade
 * of venue {@value LiveMarket#OWN_VENUE} (last price, 24 h volume, candles), into the recent-trades
 * ring and to the {@link MarketListener}s; {@link BookLevelChanged} tells listeners the book moved;
 * {@link InstrumentAdded} asks for a rebuild with the new symbol.
 */
final class EngineTap implements EventConsumer<EngineEvent> {
    private static final Logger log = LoggerFactory.getLogger(EngineTap.class);

    private final LiveMarket live;
    private final RecentTrades recentTrades;
    private final List<MarketListener> listeners;
    private final Runnable onInstrumentAdded;

    EngineTap(LiveMarket live, RecentTrades recentTrades, List<MarketListener> listeners, Runnable onInstrumentAdded) {
        this.live = live;
        this.recentTrades = recentTrades;
        this.listeners = listeners;
        this.onInstrumentAdded = onInstrumentAdded;
    }

    @Override
    public void onBatch(EventBatch<EngineEvent> batch) {
        for (int i = 0; i < batch.size(); i++) {
            switch (batch.event(i)) {
                case TradeExecuted t -> onTrade(t);
                case BookLevelChanged b -> {
                    String symbol = live.symbolOfEngineId(b.instrumentId());
                    if (symbol != null) {
                        for (MarketListener l : listeners) {
                            l.onBookChanged(symbol);
                        }
                    }
                }
                case InstrumentAdded a -> {
                    if (live.symbolOfEngineId(a.instrument().id()) == null) {
                        onInstrumentAdded.run();
                    }
                }
                default -> {
                }
            }
        }
    }

    private void onTrade(TradeExecuted t) {
        int id = live.marketDataId(t.instrumentId());
        if (id < 0) {
            return; // listed after the pipeline was built; the rebuild picks it up
        }
        InstrumentScale scale = live.symbols().scale(id);
        long millis = Math.floorDiv(t.timestamp(), 1_000_000L);
        live.applyOwnTrade(new TradeReported(scale.symbol(), t.price(), t.quantity(),
                t.takerSide() == Side.BUY ? TakerSide.BUY : TakerSide.SELL, LiveMarket.OWN_VENUE, t.tradeId(), t.sequence(),
                millis));
        TradeView view = new TradeView(t.tradeId(), scale.price(t.price()), scale.quantity(t.quantity()), t.takerSide(),
                Instant.ofEpochSecond(0, t.timestamp()));
        recentTrades.add(scale.symbol(), view);
        for (MarketListener l : listeners) {
            try {
                l.onTrade(scale.symbol(), view);
            } catch (RuntimeException e) {
                log.warn("A market listener failed on trade {} of {}; going on", t.tradeId(), scale.symbol(), e);
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        log.error("The market-data tap of the engine stopped: the venue's own trades no longer reach market data "
                + "until the next start", error);
    }
}
