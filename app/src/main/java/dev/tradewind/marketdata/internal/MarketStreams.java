package dev.tradewind.marketdata.internal;

import dev.tradewind.engine.marketdata.candle.CandleInterval;
import dev.tradewind.marketdata.MarketDataProperties;
import dev.tradewind.streams.Channel;
import dev.tradewind.streams.ChannelSnapshots;
import dev.tradewind.streams.ChannelType;
import dev.tradewind.streams.StreamPublisher;
import dev.tradewind.streams.SymbolDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The public WebSocket channels of market data (docs/websocket.md): {@code trades:SYM} is published as
 * each trade happens (from the engine tap); the state channels {@code ticker:SYM}, {@code book:SYM}
 * and {@code candles:SYM:INTERVAL} are published by one thread every {@code publish-interval}, only when
 * someone subscribes and only what changed (a book only after one of its levels moved), so a busy
 * market costs at most one message per channel and interval. Candles are keyed by their open time.
 * Snapshots: the ticker, the book and the newest candle; none for trades (use {@code GET /trades}).
 *
 * <p>A bean of {@link MarketDataConfiguration}, only when no other {@link SymbolDirectory} exists (the
 * streams module's own tests bring fake channel owners).
 */
class MarketStreams implements ChannelSnapshots, SymbolDirectory, MarketListener, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(MarketStreams.class);

    private final StreamPublisher publisher;
    private final MarketQueries queries;
    private final MarketDataProperties.Streams settings;
    private final Set<String> bookDirty = ConcurrentHashMap.newKeySet();
    private final Map<String, TickerView> lastTicker = new ConcurrentHashMap<>();
    private final Map<String, Long> lastBook = new ConcurrentHashMap<>();
    private final Map<String, CandleView> lastCandle = new ConcurrentHashMap<>();
    private volatile @Nullable ScheduledExecutorService scheduler;
    private long failuresLogged;

    MarketStreams(StreamPublisher publisher, MarketQueries queries, MarketDataProperties properties) {
        this.publisher = publisher;
        this.queries = queries;
        this.settings = properties.streams();
    }

    // ---------------------------------------------------------------- ports of streams

    @Override
    public boolean exists(String symbol) {
        return queries.exists(symbol);
    }

    @Override
    public Set<ChannelType> channelTypes() {
        return Set.of(ChannelType.TICKER, ChannelType.BOOK, ChannelType.TRADES, ChannelType.CANDLES);
    }

    @Override
    public Optional<?> snapshot(Channel channel, @Nullable UUID userId) {
        String symbol = channel.symbol();
        return switch (channel.type()) {
            case TICKER -> Optional.of(queries.ticker(symbol));
            case BOOK -> Optional.of(queries.book(symbol, settings.bookDepth()));
            case CANDLES -> {
                List<CandleView> newest = queries.candles(symbol, CandleInterval.ofCode(channel.interval()),
                        Long.MIN_VALUE, Long.MAX_VALUE, 1);
                yield newest.isEmpty() ? Optional.empty() : Optional.of(newest.getFirst());
            }
            default -> Optional.empty();
        };
    }

    // ---------------------------------------------------------------- engine tap (its thread)

    @Override
    public void onTrade(String symbol, TradeView trade) {
        String channel = Channel.trades(symbol).name();
        if (publisher.hasSubscribers(channel)) {
            publisher.publish(channel, trade);
        }
    }

    @Override
    public void onBookChanged(String symbol) {
        bookDirty.add(symbol);
    }

    // ---------------------------------------------------------------- state channels (publisher thread)

    void publishStates() {
        List<String> symbols = queries.symbols();
        List<String> tickerSymbols = new ArrayList<>();
        for (String symbol : symbols) {
            if (publisher.hasSubscribers(Channel.ticker(symbol).name())) {
                tickerSymbols.add(symbol);
            } else {
                lastTicker.remove(symbol);
            }
        }
        if (!tickerSymbols.isEmpty()) {
            queries.tickers(tickerSymbols).forEach((symbol, ticker) -> {
                if (!ticker.equals(lastTicker.put(symbol, ticker))) {
                    publisher.publish(Channel.ticker(symbol).name(), ticker);
                }
            });
        }
        for (String symbol : symbols) {
            String channel = Channel.book(symbol).name();
            boolean dirty = bookDirty.remove(symbol);
            if (!publisher.hasSubscribers(channel)) {
                lastBook.remove(symbol);
                continue;
            }
            if (dirty || !lastBook.containsKey(symbol)) {
                BookView book = queries.book(symbol, settings.bookDepth());
                Long previous = lastBook.put(symbol, book.sequence());
                if (previous == null || previous != book.sequence()) {
                    publisher.publish(channel, book);
                }
            }
            for (String interval : Channel.CANDLE_INTERVALS) {
                publishCandles(symbol, interval);
            }
        }
    }

    private void publishCandles(String symbol, String interval) {
        String channel = Channel.candles(symbol, interval).name();
        if (!publisher.hasSubscribers(channel)) {
            lastCandle.remove(channel);
            return;
        }
        CandleView last = lastCandle.get(channel);
        long from = last == null ? Long.MIN_VALUE : last.time().toEpochMilli();
        for (CandleView candle : queries.recentCandles(symbol, CandleInterval.ofCode(interval), from, last == null ? 1 : 4)) {
            CandleView previous = lastCandle.get(channel);
            if (candle.equals(previous) || (previous != null && candle.time().isBefore(previous.time()))) {
                continue;
            }
            publisher.publish(channel, String.valueOf(candle.time().toEpochMilli()), candle);
            lastCandle.put(channel, candle);
        }
    }

    private void tick() {
        try {
            publishStates();
        } catch (RuntimeException e) {
            if (failuresLogged++ % 100 == 0) {
                log.warn("Publishing market data to WebSocket subscribers failed ({} times so far); retrying next interval",
                        failuresLogged, e);
            }
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("marketdata-streams").daemon(true).factory());
        long every = settings.publishInterval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** After the runtime starts, before it stops. */
    @Override
    public int getPhase() {
        return MarketDataRuntime.PHASE + 128;
    }
}
