package dev.tradewind.engine.marketdata;

import dev.tradewind.engine.marketdata.candle.Candle;
import dev.tradewind.engine.marketdata.candle.CandleInterval;
import dev.tradewind.engine.marketdata.candle.CandleListener;
import dev.tradewind.engine.marketdata.latency.LatencyAlertListener;
import dev.tradewind.engine.marketdata.latency.LatencyMonitor;
import dev.tradewind.engine.marketdata.latency.LatencyStage;
import dev.tradewind.engine.marketdata.text.FastLineParser;
import dev.tradewind.engine.marketdata.trigger.PriceTriggerListener;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The single-threaded market-data pipeline: parse → normalize → apply (last, best bid/offer,
 * reference) → candles → ticker (24 h window) → triggers ({@link PriceTriggerListener}) → sinks
 * ({@link MarketDataListener}).
 *
 * <p>One thread owns it: every {@code on*} and {@link #advanceTime} call must come from that thread
 * (see {@link MarketDataRunner} for a ready-made one). {@link #ticker} and {@link #candles} are safe
 * from any thread. The hot paths ({@link #onLines}, {@link #onLine}, {@link #onUpdate(MutableUpdate)})
 * allocate nothing.
 *
 * <p>Bad input (malformed line, unknown symbol, non-positive price, NaN, over-precision...) is
 * counted per reason, logged once per reason (rate-limited) through {@link InputRejections} and
 * skipped; nothing stops the pipeline.
 */
public final class MarketDataPipeline {
    private final SymbolTable symbols;
    private final InstrumentState[] states;
    private final PriceTriggerListener triggers;
    private final MarketDataListener sink;
    private final LatencyMonitor latency;
    private final InputRejections rejections;
    private final int batchLimit;
    private final String source;
    private final FastLineParser parser = new FastLineParser();
    private final MutableUpdate update = new MutableUpdate();
    private final LineText rejected = new LineText();
    private long accepted;

    private MarketDataPipeline(Builder b) {
        this.symbols = b.symbols;
        this.triggers = b.triggers;
        this.sink = b.sink;
        this.rejections = b.rejections;
        this.latency = b.latency != null ? b.latency : new LatencyMonitor(b.settings.latency(), b.alerts);
        this.batchLimit = b.settings.batchLimit();
        this.source = b.source;
        this.states = new InstrumentState[symbols.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = new InstrumentState(i, symbols.scale(i).symbol(), b.settings.outOfOrderToleranceMillis(),
                    b.settings.idleCloseMillis(), b.settings.candleHistory(), b.candles);
        }
    }

    public static Builder builder(SymbolTable symbols) {
        return new Builder(symbols);
    }

    // ---------------------------------------------------------------- text input

    /**
     * Processes newline-separated lines in {@code [from, to)} of the fast text format
     * ({@link FastLineParser}). Timed for the latency alert per batch of at most {@code batchLimit}
     * lines; stages are sampled.
     *
     * @return lines accepted
     */
    public int onLines(byte[] buf, int from, int to) {
        int ok = 0;
        int pos = from;
        while (pos < to) {
            long batchStart = System.nanoTime();
            int n = 0;
            while (pos < to && n < batchLimit) {
                boolean applied;
                if (latency.sampleNext()) {
                    long t0 = System.nanoTime();
                    pos = parser.parseLine(buf, pos, to);
                    applied = normalizeAndApplyTimed(buf, t0);
                } else {
                    pos = parser.parseLine(buf, pos, to);
                    applied = normalizeAndApply(buf);
                }
                if (applied) {
                    ok++;
                }
                n++;
            }
            latency.countUpdates(n);
            latency.checkBatch(System.nanoTime() - batchStart, n, null);
        }
        return ok;
    }

    /** Processes one line (no newline needed); timed on its own for the latency alert. */
    public boolean onLine(byte[] buf, int from, int to) {
        long t0 = System.nanoTime();
        parser.parseLine(buf, from, to);
        boolean applied = latency.sampleNext() ? normalizeAndApplyTimed(buf, t0) : normalizeAndApply(buf);
        latency.countUpdates(1);
        latency.checkUpdate(System.nanoTime() - t0, applied ? symbols.scale(update.instrument()).symbol() : null);
        return applied;
    }

    public boolean onLine(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
        return onLine(bytes, 0, bytes.length);
    }

    private boolean normalizeAndApply(byte[] buf) {
        RejectReason reason = parser.normalize(buf, symbols, update);
        if (reason != null) {
            return rejectLine(reason, buf);
        }
        applyUntimed(update);
        return true;
    }

    private boolean normalizeAndApplyTimed(byte[] buf, long t0) {
        long t1 = System.nanoTime();
        latency.record(LatencyStage.PARSE, t1 - t0);
        RejectReason reason = parser.normalize(buf, symbols, update);
        long t2 = System.nanoTime();
        latency.record(LatencyStage.NORMALIZE, t2 - t1);
        if (reason != null) {
            return rejectLine(reason, buf);
        }
        applyTimed(update, t0, t2);
        return true;
    }

    private boolean rejectLine(RejectReason reason, byte[] buf) {
        rejected.set(buf, parser.lineStart(), parser.lineEnd());
        rejections.reject(reason, source, rejected);
        return false;
    }

    // ---------------------------------------------------------------- decoded input (feeds)

    /** Processes an update decoded by a feed adapter (hot path: no allocation); timed on its own. */
    public boolean onUpdate(MutableUpdate u) {
        long t0 = System.nanoTime();
        RejectReason reason = validate(u);
        if (reason != null) {
            rejections.reject(reason, u.venue(), u);
            return false;
        }
        if (latency.sampleNext()) {
            long t1 = System.nanoTime();
            latency.record(LatencyStage.NORMALIZE, t1 - t0);
            applyTimed(u, t0, t1);
        } else {
            applyUntimed(u);
        }
        latency.countUpdates(1);
        latency.checkUpdate(System.nanoTime() - t0, states[u.instrument()].symbol());
        return true;
    }

    /** Processes an immutable update (general path); an unknown symbol is counted and skipped. */
    public boolean onUpdate(MarketUpdate u) {
        if (!update.from(u, symbols)) {
            rejections.reject(RejectReason.UNKNOWN_SYMBOL, source, u);
            return false;
        }
        return onUpdate(update);
    }

    private RejectReason validate(MutableUpdate u) {
        if (u.instrument() < 0 || u.instrument() >= states.length) {
            return RejectReason.UNKNOWN_SYMBOL;
        }
        return switch (u.kind()) {
            case TRADE -> u.price() <= 0 ? RejectReason.NON_POSITIVE_PRICE
                    : u.quantity() <= 0 ? RejectReason.NON_POSITIVE_QUANTITY
                    : u.takerSide() == null ? RejectReason.MALFORMED : null;
            case QUOTE -> u.bid() <= 0 || u.ask() <= 0 ? RejectReason.NON_POSITIVE_PRICE
                    : u.bidSize() < 0 || u.askSize() < 0 ? RejectReason.NON_POSITIVE_QUANTITY
                    : u.bid() > u.ask() ? RejectReason.CROSSED_QUOTE : null;
            case REFERENCE -> u.price() <= 0 ? RejectReason.NON_POSITIVE_PRICE : null;
            case null -> RejectReason.MALFORMED;
        };
    }

    private void applyUntimed(MutableUpdate u) {
        InstrumentState s = states[u.instrument()];
        s.beginWrite();
        boolean newest = s.applyLast(u);
        s.applyCandles(u);
        s.applyWindow(u);
        s.endWrite();
        if (newest && u.kind() != UpdateKind.QUOTE) {
            triggers.onPrice(u.instrument(), u.price(), u.kind(), u.eventTime());
        }
        sink.onApplied(u, s);
        accepted++;
    }

    private void applyTimed(MutableUpdate u, long t0, long t1) {
        InstrumentState s = states[u.instrument()];
        s.beginWrite();
        boolean newest = s.applyLast(u);
        long t2 = System.nanoTime();
        s.applyCandles(u);
        long t3 = System.nanoTime();
        s.applyWindow(u);
        s.endWrite();
        long t4 = System.nanoTime();
        if (newest && u.kind() != UpdateKind.QUOTE) {
            triggers.onPrice(u.instrument(), u.price(), u.kind(), u.eventTime());
        }
        long t5 = System.nanoTime();
        sink.onApplied(u, s);
        accepted++;
        long t6 = System.nanoTime();
        latency.record(LatencyStage.APPLY, t2 - t1);
        latency.record(LatencyStage.CANDLES, t3 - t2);
        latency.record(LatencyStage.TICKER, t4 - t3);
        latency.record(LatencyStage.TRIGGERS, t5 - t4);
        latency.record(LatencyStage.SINKS, t6 - t5);
        latency.record(LatencyStage.TOTAL, t6 - t0);
    }

    // ---------------------------------------------------------------- time

    /**
     * Advances every instrument's clock to {@code epochMillis} (call it about once a second with live
     * feeds; not with replays of old data): closes candles that are due and rolls 24 h windows in
     * idle markets.
     */
    public void advanceTime(long epochMillis) {
        for (InstrumentState s : states) {
            s.beginWrite();
            s.advanceTo(epochMillis);
            s.endWrite();
        }
    }

    // ---------------------------------------------------------------- reads (any thread)

    public Optional<Ticker> ticker(String symbol) {
        int id = symbols.id(symbol);
        return id < 0 ? Optional.empty() : Optional.of(states[id].ticker());
    }

    /**
     * Candles in memory with {@code from <= openTime < to} (epoch ms), oldest first, at most the newest
     * {@code limit}. Only periods with data have candles (no carry-forward across gaps).
     */
    public List<Candle> candles(String symbol, CandleInterval interval, long from, long to, int limit) {
        int id = symbols.id(symbol);
        if (id < 0) {
            throw new IllegalArgumentException("unknown symbol " + symbol);
        }
        return states[id].candles(interval, from, to, limit);
    }

    /** The state of one instrument; its getters are for the pipeline thread, its ticker/candles for any. */
    public InstrumentState state(int instrument) {
        return states[instrument];
    }

    public SymbolTable symbols() {
        return symbols;
    }

    public LatencyMonitor latency() {
        return latency;
    }

    public InputRejections rejections() {
        return rejections;
    }

    /** Updates applied so far (pipeline thread; racy elsewhere). */
    public long accepted() {
        return accepted;
    }

    /** Late trades/reference ticks skipped by candles, over all instruments (pipeline thread). */
    public long lateDropped() {
        long sum = 0;
        for (InstrumentState s : states) {
            sum += s.lateDropped();
        }
        return sum;
    }

    /** A reusable view of a rejected line: the text is only built if the line gets logged. */
    private static final class LineText {
        private byte[] buf;
        private int from;
        private int to;

        void set(byte[] buf, int from, int to) {
            this.buf = buf;
            this.from = from;
            this.to = to;
        }

        @Override
        public String toString() {
            return new String(buf, from, Math.max(0, to - from), StandardCharsets.US_ASCII);
        }
    }

    /** Wires the pipeline's ports; everything but the symbols is optional. */
    public static final class Builder {
        private final SymbolTable symbols;
        private PipelineSettings settings = PipelineSettings.DEFAULTS;
        private CandleListener candles = CandleListener.NONE;
        private PriceTriggerListener triggers = PriceTriggerListener.NONE;
        private MarketDataListener sink = MarketDataListener.NONE;
        private LatencyAlertListener alerts = LatencyAlertListener.NONE;
        private LatencyMonitor latency;
        private InputRejections rejections = new InputRejections();
        private String source = "pipeline";

        private Builder(SymbolTable symbols) {
            this.symbols = symbols;
        }

        public Builder settings(PipelineSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder candles(CandleListener listener) {
            this.candles = listener;
            return this;
        }

        public Builder triggers(PriceTriggerListener listener) {
            this.triggers = listener;
            return this;
        }

        public Builder sink(MarketDataListener listener) {
            this.sink = listener;
            return this;
        }

        /** Alert port for the monitor the pipeline creates from its settings. */
        public Builder alerts(LatencyAlertListener listener) {
            this.alerts = listener;
            return this;
        }

        /** A monitor of your own (its settings win over {@code settings.latency()}). */
        public Builder latency(LatencyMonitor monitor) {
            this.latency = monitor;
            return this;
        }

        public Builder rejections(InputRejections rejections) {
            this.rejections = rejections;
            return this;
        }

        /** Name used in rejection logs for text input. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public MarketDataPipeline build() {
            return new MarketDataPipeline(this);
        }
    }
}
