package dev.tradewind.marketdata.internal;

import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.engine.marketdata.InstrumentScale;
import dev.tradewind.engine.marketdata.MarketDataPipeline;
import dev.tradewind.engine.marketdata.MarketDataRunner;
import dev.tradewind.engine.marketdata.SymbolTable;
import dev.tradewind.engine.marketdata.TradeReported;
import dev.tradewind.engine.marketdata.feed.MarketDataFeed;
import dev.tradewind.engine.sequencer.Subscription;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One running market-data setup for a fixed set of instruments: the pipeline on its runner thread,
 * the feed delivering into it, the reference-price forwarder, the engine tap and the scheduler that
 * flushes coalesced reference prices. Market-data instrument ids are dense in engine-id order;
 * {@link #engineId}/{@link #marketDataId} map between the two.
 */
final class LiveMarket implements AutoCloseable {
    /** Venue name of Tradewind's own trades in the pipeline. */
    static final String OWN_VENUE = "tradewind";

    private final SymbolTable symbols;
    private final List<Instrument> instruments;
    private final int[] engineIds;
    private final int[] byEngineId;
    private final MarketDataPipeline pipeline;
    private final MarketDataRunner runner;
    private final ReferencePriceForwarder forwarder;
    private final MarketDataFeed feed;
    private volatile @Nullable Subscription<EngineEvent> tap;
    private volatile @Nullable ScheduledExecutorService scheduler;

    LiveMarket(List<Instrument> instruments, SymbolTable symbols, MarketDataPipeline pipeline, MarketDataRunner runner,
               ReferencePriceForwarder forwarder, MarketDataFeed feed) {
        this.instruments = List.copyOf(instruments);
        this.symbols = symbols;
        this.engineIds = engineIds(instruments);
        int max = Arrays.stream(engineIds).max().orElse(-1);
        this.byEngineId = new int[max + 1];
        Arrays.fill(byEngineId, -1);
        for (int i = 0; i < engineIds.length; i++) {
            byEngineId[engineIds[i]] = i;
        }
        this.pipeline = pipeline;
        this.runner = runner;
        this.forwarder = forwarder;
        this.feed = feed;
    }

    static int[] engineIds(List<Instrument> instruments) {
        return instruments.stream().mapToInt(Instrument::id).toArray();
    }

    static InstrumentScale scaleOf(Instrument i) {
        return new InstrumentScale(i.symbol(), i.tickSize().units(), i.tickSize().scale(), i.lotSize().units(),
                i.lotSize().scale());
    }

    void attached(Subscription<EngineEvent> subscription, ScheduledExecutorService flusher) {
        this.tap = subscription;
        this.scheduler = flusher;
    }

    /** Applies one of the venue's own trades on the pipeline thread (never a reference price). */
    void applyOwnTrade(TradeReported trade) {
        runner.execute(() -> {
            forwarder.ownTrade(true);
            try {
                pipeline.onUpdate(trade);
            } finally {
                forwarder.ownTrade(false);
            }
        });
    }

    SymbolTable symbols() {
        return symbols;
    }

    List<Instrument> instruments() {
        return instruments;
    }

    Instrument instrument(int marketDataId) {
        return instruments.get(marketDataId);
    }

    int engineId(int marketDataId) {
        return engineIds[marketDataId];
    }

    /** -1 for an engine instrument this setup does not know. */
    int marketDataId(int engineId) {
        return engineId >= 0 && engineId < byEngineId.length ? byEngineId[engineId] : -1;
    }

    @Nullable String symbolOfEngineId(int engineId) {
        int id = marketDataId(engineId);
        return id < 0 ? null : symbols.scale(id).symbol();
    }

    MarketDataPipeline pipeline() {
        return pipeline;
    }

    MarketDataRunner runner() {
        return runner;
    }

    ReferencePriceForwarder forwarder() {
        return forwarder;
    }

    MarketDataFeed feed() {
        return feed;
    }

    /** Stops the feed first (nothing new arrives), then the tap and the flusher, then the pipeline thread. */
    @Override
    public void close() {
        feed.stop();
        Subscription<EngineEvent> subscription = tap;
        if (subscription != null) {
            subscription.close();
        }
        ScheduledExecutorService flusher = scheduler;
        if (flusher != null) {
            flusher.shutdownNow();
            try {
                flusher.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        runner.close();
    }
}
