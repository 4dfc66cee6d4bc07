package dev.tradewind.marketdata.internal;

import dev.tradewind.engine.core.MatchingEngine;
import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.engine.marketdata.InstrumentScale;
import dev.tradewind.engine.marketdata.MarketDataPipeline;
import dev.tradewind.engine.marketdata.MarketDataRunner;
import dev.tradewind.engine.marketdata.PipelineSettings;
import dev.tradewind.engine.marketdata.SymbolTable;
import dev.tradewind.engine.marketdata.candle.Candle;
import dev.tradewind.engine.marketdata.candle.CandleListener;
import dev.tradewind.engine.marketdata.feed.MarketDataFeed;
import dev.tradewind.engine.marketdata.feed.MarketDataSink;
import dev.tradewind.engine.marketdata.latency.LatencyAlert;
import dev.tradewind.engine.marketdata.latency.LatencyMonitor;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.query.MarketSnapshot;
import dev.tradewind.engine.sequencer.Subscription;
import dev.tradewind.marketdata.LatencyAlertRaised;
import dev.tradewind.marketdata.MarketDataProperties;
import dev.tradewind.marketdata.MarketDataStarted;
import dev.tradewind.platform.config.PlatformProperties;
import dev.tradewind.trading.TradingEngine;
import dev.tradewind.trading.TradingEngineStarted;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs market data inside the app: when the engine has started ({@link TradingEngineStarted}) it
 * builds the pipeline for the engine's instruments, starts the configured feed into it, taps the
 * engine's own trades and sends coalesced reference prices back to the engine (stop triggers). A
 * newly listed instrument rebuilds the setup (in-memory ticker and open candles start over; closed
 * candles are in PostgreSQL).
 *
 * <p>Stops after the web server and before the trading runtime and the engine (phase), so nothing
 * is sent to an engine that is closing.
 */
@Component
class MarketDataRuntime implements SmartLifecycle {
    static final int PHASE = TradingEngine.PHASE + 1536;
    private static final Logger log = LoggerFactory.getLogger(MarketDataRuntime.class);

    private final TradingEngine engine;
    private final MarketDataProperties properties;
    private final PlatformProperties platform;
    private final ApplicationEventPublisher events;
    private final RecentTrades recentTrades;
    private final ObjectProvider<MarketListener> listeners;
    private final JdbcCandleStore candleStore;
    private final JdbcClient jdbc;
    private final ExecutorService control = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("marketdata-control").daemon(true).factory());
    private volatile @Nullable LiveMarket live;
    private volatile boolean stopped;

    MarketDataRuntime(TradingEngine engine, MarketDataProperties properties, PlatformProperties platform,
                      ApplicationEventPublisher events, RecentTrades recentTrades, ObjectProvider<MarketListener> listeners,
                      JdbcCandleStore candleStore, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.properties = properties;
        this.platform = platform;
        this.events = events;
        this.recentTrades = recentTrades;
        this.listeners = listeners;
        this.candleStore = candleStore;
    }

    @EventListener
    void onEngineStarted(TradingEngineStarted started) {
        stopped = false;
        build();
        LiveMarket current = live;
        if (current != null) {
            seedRecentTrades(current);
        }
    }

    /**
     * The recent-trades ring starts with the newest trades PostgreSQL has (read-only, the trading
     * module's {@code trades}); live ones follow from the tap, duplicates are ignored.
     */
    private void seedRecentTrades(LiveMarket market) {
        for (Instrument instrument : market.instruments()) {
            InstrumentScale scale = LiveMarket.scaleOf(instrument);
            try {
                List<TradeView> newestFirst = jdbc.sql("""
                                SELECT trade_id, price, quantity, taker_side, executed_at FROM trades
                                WHERE symbol = ? ORDER BY executed_at DESC, trade_id DESC LIMIT ?""")
                        .params(instrument.symbol(), recentTrades.capacity())
                        .query((rs, n) -> new TradeView(rs.getLong(1), rs.getBigDecimal(2).setScale(scale.tickScale()),
                                rs.getBigDecimal(3).setScale(scale.lotScale()), Side.valueOf(rs.getString(4)),
                                rs.getTimestamp(5).toInstant()))
                        .list();
                for (TradeView trade : newestFirst.reversed()) {
                    recentTrades.add(instrument.symbol(), trade);
                }
            } catch (RuntimeException e) {
                log.warn("Could not read the recent trades of {} from PostgreSQL; /trades starts empty for it",
                        instrument.symbol(), e);
            }
        }
    }

    private synchronized void build() {
        if (stopped) {
            return;
        }
        LiveMarket previous = live;
        live = null;
        if (previous != null) {
            previous.close();
        }
        List<Instrument> instruments = engine.query(m -> m.instruments().stream()
                .sorted(Comparator.comparingInt(Instrument::id)).toList());
        SymbolTable symbols = new SymbolTable(instruments.stream().map(LiveMarket::scaleOf).toList());
        int[] engineIds = LiveMarket.engineIds(instruments);
        long[] prices = engine.query(m -> knownPrices(m, engineIds));

        MarketDataProperties.FeedKind feedKind = properties.feed(platform.demo());
        MarketDataProperties.Reference reference = properties.reference();
        ReferencePriceForwarder forwarder = new ReferencePriceForwarder(engine::submitAsync, engineIds,
                reference.minInterval().toNanos(), reference.minMoveBps(), Feeds.tradesAsReference(feedKind),
                System::nanoTime);
        MarketDataProperties.Pipeline p = properties.pipeline();
        LatencyMonitor.Settings latency = new LatencyMonitor.Settings(p.latencyThreshold().toNanos(),
                p.latencySampleEvery(), p.alertInterval().toNanos());
        CandleListener candleSink = new CandleListener() {
            @Override
            public void onCandleClosed(int instrument, Candle candle) {
                candleStore.closed(symbols.scale(instrument), candle);
            }
        };
        MarketDataPipeline pipeline = MarketDataPipeline.builder(symbols)
                .settings(PipelineSettings.DEFAULTS.withLatency(latency))
                .triggers(forwarder)
                .candles(candleSink)
                .alerts(this::onLatencyAlert)
                .source(feedKind.code())
                .build();
        MarketDataRunner runner = new MarketDataRunner(pipeline, p.queueCapacity(), System::currentTimeMillis,
                p.tickInterval().toMillis(), gap -> {
                }, status -> {
                }).start();
        MarketDataFeed feed = Feeds.create(feedKind, properties, symbols, prices, platform.dataDir());
        LiveMarket market = new LiveMarket(instruments, symbols, pipeline, runner, forwarder, feed);
        List<MarketListener> tapListeners = listeners.orderedStream().toList();
        Subscription<dev.tradewind.engine.event.EngineEvent> tap = engine.attach("marketdata",
                new EngineTap(market, recentTrades, tapListeners, () -> control.execute(this::rebuildForNewInstrument)),
                Subscription.LIVE);
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("marketdata-reference").daemon(true).factory());
        long every = Math.max(10, reference.minInterval().toMillis());
        flusher.scheduleWithFixedDelay(() -> runner.execute(forwarder::flushDue), every, every, TimeUnit.MILLISECONDS);
        market.attached(tap, flusher);
        feed.start(runner);
        live = market;
        List<String> names = symbols.instruments().stream().map(InstrumentScale::symbol).toList();
        log.info("Market data running: feed {} for {}", feed.name(), names);
        events.publishEvent(new MarketDataStarted(feed.name(), names));
    }

    private void rebuildForNewInstrument() {
        try {
            log.info("A new instrument was listed: rebuilding market data");
            build();
        } catch (RuntimeException e) {
            log.error("Rebuilding market data for a new instrument failed; market data stays stopped until the next start", e);
        }
    }

    private static long[] knownPrices(MatchingEngine m, int[] engineIds) {
        long[] out = new long[engineIds.length];
        for (int i = 0; i < engineIds.length; i++) {
            Optional<MarketSnapshot> snapshot = m.market(engineIds[i]);
            if (snapshot.isPresent()) {
                MarketSnapshot s = snapshot.get();
                out[i] = s.referencePrice() > 0 ? s.referencePrice() : s.lastTradePrice();
            }
        }
        return out;
    }

    private void onLatencyAlert(LatencyAlert alert) {
        // on the pipeline thread: hand off, listeners may be slow (the monitor already logged WARN)
        LatencyAlertRaised event = new LatencyAlertRaised(alert.nanos(), alert.thresholdNanos(), alert.updates(),
                alert.symbol(), alert.suppressedSinceLast(), Instant.ofEpochMilli(alert.epochMillis()));
        try {
            control.execute(() -> events.publishEvent(event));
        } catch (RuntimeException e) {
            log.debug("Latency alert not published (stopping)", e);
        }
    }

    /** The current setup, empty before the engine started or after stop. */
    Optional<LiveMarket> live() {
        return Optional.ofNullable(live);
    }

    /** Where feeds deliver: for tests and tools that inject updates as a feed would. */
    Optional<MarketDataSink> sink() {
        return live().map(LiveMarket::runner);
    }

    @Override
    public void start() {
        // the setup is built on TradingEngineStarted, which trading publishes in an earlier phase
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        LiveMarket current = live;
        live = null;
        if (current != null) {
            current.close();
            log.info("Market data stopped");
        }
    }

    @Override
    public boolean isRunning() {
        return live != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
