package dev.tradewind.marketdata.internal;

import dev.tradewind.engine.marketdata.InstrumentScale;
import dev.tradewind.engine.marketdata.MarketUpdate;
import dev.tradewind.engine.marketdata.QuoteUpdated;
import dev.tradewind.engine.marketdata.ReferencePriceUpdated;
import dev.tradewind.engine.marketdata.RejectReason;
import dev.tradewind.engine.marketdata.SymbolTable;
import dev.tradewind.engine.marketdata.TradeReported;
import dev.tradewind.engine.marketdata.feed.FeedGap;
import dev.tradewind.engine.marketdata.feed.FeedStatusChanged;
import dev.tradewind.engine.marketdata.feed.GbmParameters;
import dev.tradewind.engine.marketdata.feed.MarketDataFeed;
import dev.tradewind.engine.marketdata.feed.MarketDataSink;
import dev.tradewind.engine.marketdata.feed.SyntheticFeed;
import dev.tradewind.marketdata.MarketDataProperties;
import dev.tradewind.marketdata.MarketDataProperties.FeedKind;
import dev.tradewind.marketdata.replay.ReplayFormat;
import dev.tradewind.marketdata.venue.BinanceProtocol;
import dev.tradewind.marketdata.venue.CoinbaseProtocol;
import dev.tradewind.marketdata.venue.VenueSymbols;
import dev.tradewind.marketdata.venue.WebSocketFeed;
import dev.tradewind.marketdata.venue.WebSocketFeedSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** Builds the feed {@code tradewind.marketdata.feed} names for the engine's instruments. */
final class Feeds {
    static final BigDecimal DEFAULT_START_PRICE = BigDecimal.valueOf(100);
    static final String SAMPLE = "marketdata/sample.csv";

    private Feeds() {
    }

    /**
     * @param knownPrices the engine's current price per market-data id (0 = none): the synthetic walk
     *                    continues from there after a restart
     */
    static MarketDataFeed create(FeedKind kind, MarketDataProperties properties, SymbolTable symbols,
                                 long[] knownPrices, Path dataDir) {
        List<String> names = symbols.instruments().stream().map(InstrumentScale::symbol).toList();
        return switch (kind) {
            case SYNTHETIC -> new SyntheticFeed(symbols, gbm(properties.synthetic(), symbols, knownPrices),
                    properties.synthetic().seed(), System::currentTimeMillis);
            case REPLAY -> new WallClockFeed(ReplayFormat.feed("replay", replayFile(properties.replay().file(), dataDir),
                    symbols, properties.replay().speed(), properties.replay().loop()), System::currentTimeMillis);
            case BINANCE -> WebSocketFeed.of(new BinanceProtocol(properties.binance(), symbols, VenueSymbols.binance(names)),
                    WebSocketFeedSettings.DEFAULTS);
            case COINBASE -> WebSocketFeed.of(new CoinbaseProtocol(properties.coinbase(), symbols,
                    VenueSymbols.identity(names)), WebSocketFeedSettings.DEFAULTS);
            case NONE -> new NoFeed();
        };
    }

    /** Venue feeds send trades and quotes but no reference ticks: their trades are the reference. */
    static boolean tradesAsReference(FeedKind kind) {
        return kind == FeedKind.BINANCE || kind == FeedKind.COINBASE;
    }

    static List<GbmParameters> gbm(MarketDataProperties.Synthetic settings, SymbolTable symbols, long[] knownPrices) {
        List<GbmParameters> out = new ArrayList<>();
        for (int id = 0; id < symbols.size(); id++) {
            InstrumentScale scale = symbols.scale(id);
            BigDecimal start = knownPrices[id] > 0 ? scale.price(knownPrices[id]) : settings.startPrice(scale.symbol());
            if (start == null) {
                start = DEFAULT_START_PRICE;
            }
            // keep the price at least a few ticks above zero so the walk can move
            start = start.max(scale.tickSize().multiply(BigDecimal.valueOf(100)));
            BigDecimal lotNotional = start.multiply(scale.lotSize());
            long maxLots = Math.max(1, settings.tradeNotional().divide(lotNotional, 0, RoundingMode.DOWN).min(
                    BigDecimal.valueOf(1_000_000_000L)).longValue());
            out.add(new GbmParameters(scale.symbol(), start.doubleValue(), settings.drift(), settings.volatility(),
                    settings.updatesPerSecond(), 1, 0.3, 0.1, maxLots));
        }
        return out;
    }

    static Path replayFile(Path configured, Path dataDir) {
        if (configured != null && !configured.toString().isBlank()) {
            if (!Files.isReadable(configured)) {
                throw new IllegalStateException("tradewind.marketdata.replay.file " + configured.toAbsolutePath()
                        + " is not a readable file: fix the path or unset it to replay the bundled sample");
            }
            return configured;
        }
        try (InputStream in = Feeds.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled replay sample " + SAMPLE + " is missing from the classpath");
            }
            Path dir = Files.createDirectories(dataDir.resolve("marketdata"));
            Path file = dir.resolve("sample.csv");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the replay sample into " + dataDir, e);
        }
    }

    /** {@code feed=none}: only the venue's own trades (and whatever is handed to the sink directly). */
    static final class NoFeed implements MarketDataFeed {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public void start(MarketDataSink sink) {
        }

        @Override
        public void stop() {
        }
    }

    /**
     * A replay stamped with the wall clock: the file's times pace the replay (with its speed) but each
     * update carries the time it is delivered, never earlier than the previous one, so replayed data
     * and live trades share one time line and candles close as usual.
     */
    static final class WallClockFeed implements MarketDataFeed {
        private final MarketDataFeed inner;
        private final LongSupplier clock;

        WallClockFeed(MarketDataFeed inner, LongSupplier clock) {
            this.inner = inner;
            this.clock = clock;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void start(MarketDataSink sink) {
            inner.start(new MarketDataSink() {
                private long last = Long.MIN_VALUE;

                @Override
                public void onUpdate(MarketUpdate update) {
                    last = Math.max(last, clock.getAsLong());
                    sink.onUpdate(stamped(update, last));
                }

                @Override
                public void onRejected(RejectReason reason, String source, Object detail) {
                    sink.onRejected(reason, source, detail);
                }

                @Override
                public void onGap(FeedGap gap) {
                    sink.onGap(gap);
                }

                @Override
                public void onStatus(FeedStatusChanged status) {
                    sink.onStatus(status);
                }
            });
        }

        static MarketUpdate stamped(MarketUpdate u, long time) {
            return switch (u) {
                case TradeReported t -> new TradeReported(t.symbol(), t.price(), t.quantity(), t.takerSide(), t.venue(),
                        t.tradeId(), t.sequence(), time);
                case QuoteUpdated q -> new QuoteUpdated(q.symbol(), q.bid(), q.bidSize(), q.ask(), q.askSize(), q.venue(),
                        q.sequence(), time);
                case ReferencePriceUpdated r -> new ReferencePriceUpdated(r.symbol(), r.price(), r.source(), time);
            };
        }

        @Override
        public void stop() {
            inner.stop();
        }
    }
}
