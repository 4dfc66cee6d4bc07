package dev.tradewind.marketdata;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live market data ({@code tradewind.marketdata.*}, e.g. {@code TRADEWIND_MARKETDATA_FEED=binance}).
 * See {@code docs/marketdata.md} for what each part does.
 *
 * @param feed            where prices come from: {@code synthetic}, {@code replay}, {@code binance},
 *                        {@code coinbase} or {@code none}; unset: {@code synthetic} in demo mode (the default of
 *                        {@code ./tradewind up}), {@code none} with {@code tradewind.demo=false} (no made-up
 *                        prices outside the demo market), see {@link #feed(boolean)}
 * @param synthetic       the seeded GBM feed
 * @param replay          the file replay feed
 * @param binance         Binance combined-stream endpoint (trade + bookTicker streams)
 * @param coinbase        Coinbase Exchange feed endpoint (matches + ticker channels)
 * @param reference       how reference prices reach the engine (they trigger stop orders)
 * @param pipeline        the market-data thread
 * @param streams         WebSocket publishing
 * @param recentTrades    trades kept in memory per symbol for {@code /trades} and the {@code trades} snapshot (default 1000)
 * @param candles         candle persistence and the {@code /candles} limits
 * @param marketMaker     the demo market maker (runs only with {@code tradewind.demo=true})
 */
@ConfigurationProperties("tradewind.marketdata")
public record MarketDataProperties(
        @Nullable FeedKind feed,
        @DefaultValue Synthetic synthetic,
        @DefaultValue Replay replay,
        @DefaultValue("wss://stream.binance.com:9443/stream") URI binance,
        @DefaultValue("wss://ws-feed.exchange.coinbase.com") URI coinbase,
        @DefaultValue Reference reference,
        @DefaultValue Pipeline pipeline,
        @DefaultValue Streams streams,
        @DefaultValue("1000") int recentTrades,
        @DefaultValue Candles candles,
        @DefaultValue MarketMaker marketMaker) {

    public MarketDataProperties {
        if (recentTrades < 1 || recentTrades > 100_000) {
            throw new IllegalArgumentException("tradewind.marketdata.recent-trades must be 1..100000, was " + recentTrades);
        }
    }

    /** The configured feed, or the default for the mode: synthetic in demo mode, none otherwise. */
    public FeedKind feed(boolean demo) {
        return feed != null ? feed : demo ? FeedKind.SYNTHETIC : FeedKind.NONE;
    }

    public enum FeedKind {
        SYNTHETIC, REPLAY, BINANCE, COINBASE, NONE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param seed                 the GBM's seed (default 42): the same seed replays the same walk
     * @param updatesPerSecond     events per second per instrument (default 10)
     * @param volatility           annualized σ (default 0.6)
     * @param drift                annualized μ (default 0)
     * @param tradeNotional        typical size of a synthetic trade, in quote units (default 2000)
     * @param startPrices          where each walk starts when the engine has no price yet, {@code SYMBOL=price}
     *                             or {@code BASE=price} (default BTC 60000, ETH 3000, SOL 150, AAPL 190;
     *                             others start at 100)
     */
    public record Synthetic(
            @DefaultValue("42") long seed,
            @DefaultValue("10") double updatesPerSecond,
            @DefaultValue("0.6") double volatility,
            @DefaultValue("0") double drift,
            @DefaultValue("2000") BigDecimal tradeNotional,
            @DefaultValue({"BTC=60000", "ETH=3000", "SOL=150", "AAPL=190"}) List<String> startPrices) {

        public Synthetic {
            if (!(updatesPerSecond > 0) || updatesPerSecond > 100_000 || !(volatility >= 0) || !Double.isFinite(drift)
                    || tradeNotional.signum() <= 0) {
                throw new IllegalArgumentException("tradewind.marketdata.synthetic: need 0 < updates-per-second <= 100000, "
                        + "volatility >= 0, a finite drift and trade-notional > 0");
            }
            for (String entry : startPrices) {
                int eq = entry.indexOf('=');
                if (eq < 1 || !entry.substring(eq + 1).matches("[0-9]+(\\.[0-9]+)?")) {
                    throw new IllegalArgumentException("tradewind.marketdata.synthetic.start-prices entries look like "
                            + "BTC=60000 or BTC-USD=60000, got '" + entry + "'");
                }
            }
        }

        /** The configured start price of {@code symbol} (by symbol, then by base asset), or null. */
        public @Nullable BigDecimal startPrice(String symbol) {
            String base = symbol.contains("-") ? symbol.substring(0, symbol.indexOf('-')) : symbol;
            BigDecimal byBase = null;
            for (String entry : startPrices) {
                String key = entry.substring(0, entry.indexOf('='));
                BigDecimal price = new BigDecimal(entry.substring(entry.indexOf('=') + 1));
                if (key.equals(symbol)) {
                    return price;
                }
                if (key.equals(base)) {
                    byBase = price;
                }
            }
            return byBase;
        }
    }

    /**
     * @param file  a {@code .csv}, {@code .jsonl} or {@code .txt} file; empty = the bundled sample
     *              ({@code classpath:marketdata/sample.csv})
     * @param speed 1 = real time (default), 10 = ten times faster, 0 = as fast as possible
     * @param loop  start over at the end (default true); event times are rebased to the wall clock
     */
    public record Replay(@Nullable Path file, @DefaultValue("1") double speed, @DefaultValue("true") boolean loop) {
        public Replay {
            if (!(speed >= 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("tradewind.marketdata.replay.speed must be >= 0, was " + speed);
            }
        }
    }

    /**
     * Reference prices are sent to the engine ({@code UpdateReferencePrice}) at most every
     * {@code minInterval} per instrument, or at once when the price moved at least {@code minMoveBps}
     * since the last one sent; the latest one always gets there. Commands refused as
     * {@code ENGINE_OVERLOADED} are dropped and counted.
     *
     * @param minInterval default 250ms
     * @param minMoveBps  default 10 (0.10 %); 0 sends every change at once
     */
    public record Reference(@DefaultValue("250ms") Duration minInterval, @DefaultValue("10") int minMoveBps) {
        public Reference {
            if (minInterval.isNegative() || minMoveBps < 0) {
                throw new IllegalArgumentException("tradewind.marketdata.reference: min-interval and min-move-bps must be >= 0");
            }
        }
    }

    /**
     * @param queueCapacity      updates waiting for the market-data thread, a power of two (default 65536);
     *                           a full queue makes the feed wait
     * @param tickInterval       how often idle markets close candles (default 250ms)
     * @param latencyThreshold   an update slower than this raises a latency alert (default 1ms)
     * @param latencySampleEvery one update in this many is timed per stage, a power of two (default 64)
     * @param alertInterval      at most one latency alert per this (default 1s)
     */
    public record Pipeline(@DefaultValue("65536") int queueCapacity, @DefaultValue("250ms") Duration tickInterval,
                           @DefaultValue("1ms") Duration latencyThreshold, @DefaultValue("64") int latencySampleEvery,
                           @DefaultValue("1s") Duration alertInterval) {
        public Pipeline {
            if (queueCapacity < 2 || Integer.bitCount(queueCapacity) != 1) {
                throw new IllegalArgumentException("tradewind.marketdata.pipeline.queue-capacity must be a power of two >= 2");
            }
            if (tickInterval.toMillis() < 1 || latencyThreshold.isNegative() || latencyThreshold.isZero()
                    || latencySampleEvery < 1 || Integer.bitCount(latencySampleEvery) != 1 || alertInterval.isNegative()) {
                throw new IllegalArgumentException("tradewind.marketdata.pipeline: tick-interval >= 1ms, "
                        + "latency-threshold > 0, latency-sample-every a power of two, alert-interval >= 0");
            }
        }
    }

    /**
     * @param publishInterval ticker, book and candle updates are published at most this often per
     *                        channel (default 200ms); trades are published as they happen
     * @param bookDepth       levels per side of {@code book:SYM} messages (default 20)
     */
    public record Streams(@DefaultValue("200ms") Duration publishInterval, @DefaultValue("20") int bookDepth) {
        public Streams {
            if (publishInterval.toMillis() < 10 || bookDepth < 1 || bookDepth > 500) {
                throw new IllegalArgumentException("tradewind.marketdata.streams: publish-interval >= 10ms, book-depth 1..500");
            }
        }
    }

    /**
     * @param persist       write closed candles to PostgreSQL (default true)
     * @param persistIntervals which intervals are written (default 1m, 5m, 1h, 1d; 1s candles live in memory only)
     * @param batchSize     candles per upsert at most (default 500)
     * @param flushInterval how long a closed candle may wait for its batch (default 1s)
     * @param queueCapacity closed candles waiting to be written before new ones are dropped and counted (default 100000)
     * @param defaultLimit  {@code /candles} without {@code limit} (default 500)
     * @param maxLimit      the largest {@code limit} (default 1500)
     */
    public record Candles(@DefaultValue("true") boolean persist,
                          @DefaultValue({"1m", "5m", "1h", "1d"}) List<String> persistIntervals,
                          @DefaultValue("500") int batchSize,
                          @DefaultValue("1s") Duration flushInterval, @DefaultValue("100000") int queueCapacity,
                          @DefaultValue("500") int defaultLimit, @DefaultValue("1500") int maxLimit) {
        public Candles {
            if (batchSize < 1 || queueCapacity < 1 || flushInterval.toMillis() < 1 || defaultLimit < 1 || maxLimit < defaultLimit) {
                throw new IllegalArgumentException("tradewind.marketdata.candles: batch-size, queue-capacity >= 1, "
                        + "flush-interval >= 1ms, 1 <= default-limit <= max-limit");
            }
            for (String interval : persistIntervals) {
                if (!List.of("1s", "1m", "5m", "1h", "1d").contains(interval)) {
                    throw new IllegalArgumentException("tradewind.marketdata.candles.persist-intervals: " + interval
                            + " is not one of 1s, 1m, 5m, 1h, 1d");
                }
            }
        }
    }

    /**
     * @param enabled       quote in demo mode (default true; never without {@code tradewind.demo=true})
     * @param email         the market maker's user (default {@code market-maker@tradewind.local})
     * @param levels        price levels per side (default 5)
     * @param spreadBps     distance of the best quote from the reference, each side (default 5 = 0.05 %)
     * @param stepBps       distance between levels (default 5)
     * @param levelNotional size of each level in quote units (default 1000), rounded down to the lot grid
     *                      (at least the instrument's minimum)
     * @param requoteBps    re-quote when the reference moved this much since the last quotes (default 5)
     * @param interval      how often the quotes are checked (default 500ms)
     */
    public record MarketMaker(@DefaultValue("true") boolean enabled,
                              @DefaultValue("market-maker@tradewind.local") String email,
                              @DefaultValue("5") int levels, @DefaultValue("5") int spreadBps,
                              @DefaultValue("5") int stepBps, @DefaultValue("1000") BigDecimal levelNotional,
                              @DefaultValue("5") int requoteBps, @DefaultValue("500ms") Duration interval) {
        public MarketMaker {
            if (levels < 1 || levels > 50 || spreadBps < 1 || stepBps < 1 || requoteBps < 1 || levelNotional.signum() <= 0
                    || interval.toMillis() < 10) {
                throw new IllegalArgumentException("tradewind.marketdata.market-maker: levels 1..50, spread-bps, step-bps, "
                        + "requote-bps >= 1, level-notional > 0, interval >= 10ms");
            }
        }
    }
}
