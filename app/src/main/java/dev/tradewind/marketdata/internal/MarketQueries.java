package dev.tradewind.marketdata.internal;

import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.engine.marketdata.InstrumentScale;
import dev.tradewind.engine.marketdata.Ticker;
import dev.tradewind.engine.marketdata.candle.Candle;
import dev.tradewind.engine.marketdata.candle.CandleInterval;
import dev.tradewind.engine.query.BookDepth;
import dev.tradewind.engine.query.MarketSnapshot;
import dev.tradewind.engine.query.PriceLevel;
import dev.tradewind.platform.web.ApiException;
import dev.tradewind.platform.web.ErrorCodes;
import dev.tradewind.trading.TradingEngine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Read side of market data for REST and streams: the pipeline's ticker and candles, the engine's
 * book (queried on its writer thread), recent trades and persisted candles. Decimals are built here
 * from ticks/lots with the instrument's own tick and lot sizes.
 */
@Component
class MarketQueries {
    private final MarketDataRuntime runtime;
    private final TradingEngine engine;
    private final RecentTrades recentTrades;
    private final CandleHistory history;

    MarketQueries(MarketDataRuntime runtime, TradingEngine engine, RecentTrades recentTrades, CandleHistory history) {
        this.runtime = runtime;
        this.engine = engine;
        this.recentTrades = recentTrades;
        this.history = history;
    }

    /** One instrument of the running setup. */
    record Market(LiveMarket live, int id, int engineId, InstrumentScale scale) {
        String symbol() {
            return scale.symbol();
        }

        Instrument instrument() {
            return live.instrument(id);
        }
    }

    Optional<Market> find(String symbol) {
        return runtime.live().flatMap(live -> {
            int id = live.symbols().id(symbol);
            return id < 0 ? Optional.empty()
                    : Optional.of(new Market(live, id, live.engineId(id), live.symbols().scale(id)));
        });
    }

    boolean exists(String symbol) {
        return find(symbol).isPresent();
    }

    /** @throws ApiException 404 for a symbol that is not listed, 503 while market data is not running */
    Market market(String symbol) {
        if (runtime.live().isEmpty()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                    "Market data is not running yet; retry in a moment");
        }
        return find(symbol).orElseThrow(() -> ApiException.notFound("Market " + symbol));
    }

    List<String> symbols() {
        return runtime.live().map(live -> live.symbols().instruments().stream().map(InstrumentScale::symbol).toList())
                .orElse(List.of());
    }

    TickerView ticker(String symbol) {
        Market market = market(symbol);
        MarketSnapshot snapshot = engine.query(m -> m.market(market.engineId()).orElse(null));
        return ticker(market, snapshot);
    }

    /** Tickers of several symbols with one engine query; unknown symbols are left out. */
    Map<String, TickerView> tickers(Collection<String> symbols) {
        List<Market> markets = symbols.stream().map(this::find).flatMap(Optional::stream).toList();
        if (markets.isEmpty()) {
            return Map.of();
        }
        Map<Integer, MarketSnapshot> snapshots = engine.query(m -> {
            Map<Integer, MarketSnapshot> out = new TreeMap<>();
            for (Market market : markets) {
                m.market(market.engineId()).ifPresent(s -> out.put(market.engineId(), s));
            }
            return out;
        });
        Map<String, TickerView> out = new LinkedHashMap<>();
        for (Market market : markets) {
            out.put(market.symbol(), ticker(market, snapshots.get(market.engineId())));
        }
        return out;
    }

    private static TickerView ticker(Market market, @Nullable MarketSnapshot engineSide) {
        InstrumentScale scale = market.scale();
        Ticker t = market.live().pipeline().state(market.id()).ticker();
        long last = t.last() > 0 ? t.last() : engineSide == null ? 0 : engineSide.lastTradePrice();
        long reference = t.referencePrice() > 0 ? t.referencePrice() : engineSide == null ? 0 : engineSide.referencePrice();
        long bid = engineSide == null ? 0 : engineSide.bestBid();
        long ask = engineSide == null ? 0 : engineSide.bestAsk();
        return new TickerView(market.symbol(), price(scale, last), price(scale, bid), price(scale, ask),
                price(scale, reference), scale.quantity(t.volume24h()),
                t.open24h() > 0 ? scale.price(t.change24h()) : null,
                t.timestamp() > 0 ? Instant.ofEpochMilli(t.timestamp()) : null);
    }

    private static @Nullable BigDecimal price(InstrumentScale scale, long ticks) {
        return ticks > 0 ? scale.price(ticks) : null;
    }

    BookView book(String symbol, int depth) {
        Market market = market(symbol);
        BookDepth book = engine.query(m -> m.depth(market.engineId(), depth).orElse(null));
        if (book == null) {
            throw ApiException.notFound("Market " + symbol);
        }
        return new BookView(symbol, book.sequence(), levels(market.scale(), book.bids()), levels(market.scale(), book.asks()));
    }

    private static List<List<BigDecimal>> levels(InstrumentScale scale, List<PriceLevel> levels) {
        List<List<BigDecimal>> out = new ArrayList<>(levels.size());
        for (PriceLevel level : levels) {
            out.add(List.of(scale.price(level.price()), scale.quantity(level.quantity())));
        }
        return out;
    }

    List<TradeView> trades(String symbol, int limit) {
        market(symbol);
        return recentTrades.newest(symbol, limit);
    }

    /**
     * Candles with {@code from <= time < to}, oldest first, at most the newest {@code limit}: persisted
     * ones and those still in memory (the open candle included), the in-memory one winning for the
     * same time.
     */
    List<CandleView> candles(String symbol, CandleInterval interval, long from, long to, int limit) {
        Market market = market(symbol);
        List<Candle> memory = market.live().pipeline().candles(symbol, interval, from, to, limit);
        TreeMap<Long, CandleView> merged = new TreeMap<>();
        long memoryFrom = memory.isEmpty() ? to : memory.getFirst().openTime();
        if (memory.size() < limit || from < memoryFrom) {
            for (CandleView c : history.candles(symbol, interval, from, Math.min(to, memoryFrom), limit)) {
                merged.put(c.time().toEpochMilli(), c);
            }
        }
        for (Candle c : memory) {
            merged.put(c.openTime(), view(market.scale(), c));
        }
        List<CandleView> all = new ArrayList<>(merged.values());
        return all.size() <= limit ? all : List.copyOf(all.subList(all.size() - limit, all.size()));
    }

    /** In-memory candles only (the open one included) with {@code openTime >= from}, oldest first, at most {@code limit}. */
    List<CandleView> recentCandles(String symbol, CandleInterval interval, long from, int limit) {
        Market market = market(symbol);
        return market.live().pipeline().candles(symbol, interval, from, Long.MAX_VALUE, limit).stream()
                .map(c -> view(market.scale(), c)).toList();
    }

    static CandleView view(InstrumentScale scale, Candle c) {
        return new CandleView(Instant.ofEpochMilli(c.openTime()), scale.price(c.open()), scale.price(c.high()),
                scale.price(c.low()), scale.price(c.close()), scale.quantity(c.volume()));
    }
}
