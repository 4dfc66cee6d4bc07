package dev.tradewind.engine.marketdata;

import dev.tradewind.engine.marketdata.candle.Candle;
import dev.tradewind.engine.marketdata.candle.CandleInterval;
import dev.tradewind.engine.marketdata.candle.CandleListener;
import dev.tradewind.engine.marketdata.candle.CandleSeries;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.function.Supplier;

/**
 * Everything market data keeps for one instrument: last trade, best bid/offer, reference price,
 * the 24 h window and the candles.
 *
 * <p>Written only by the pipeline thread. Other threads read through {@link #ticker()} and
 * {@link #candles}: a sequence lock (writer bumps a version to odd before and to even after each
 * update; readers retry when it moved), so the writer never waits and never takes a lock.
 */
public final class InstrumentState {
    private static final VarHandle VERSION;

    static {
        try {
            VERSION = MethodHandles.lookup().findVarHandle(InstrumentState.class, "version", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int id;
    private final String symbol;
    private final long toleranceMillis;
    private final long idleCloseMillis;
    private final RollingDayWindow window = new RollingDayWindow();
    private final CandleSeries[] candles;

    @SuppressWarnings("unused") // through VERSION
    private long version;

    private long last;
    private long lastQuantity;
    private TakerSide lastSide;
    private long lastTime = Long.MIN_VALUE;
    private long bid;
    private long bidSize;
    private long ask;
    private long askSize;
    private long quoteTime = Long.MIN_VALUE;
    private long reference;
    private long referenceTime = Long.MIN_VALUE;
    /** Latest event time of a trade or reference tick: drives candle closing. */
    private long priceHighWater = Long.MIN_VALUE;
    private long clockNow = Long.MIN_VALUE;
    private long timestamp;
    private long lateDropped;

    InstrumentState(int id, String symbol, long toleranceMillis, long idleCloseMillis, int historyPerInterval,
                    CandleListener candleListener) {
        this.id = id;
        this.symbol = symbol;
        this.toleranceMillis = toleranceMillis;
        this.idleCloseMillis = idleCloseMillis;
        CandleInterval[] intervals = CandleInterval.values();
        this.candles = new CandleSeries[intervals.length];
        for (int i = 0; i < intervals.length; i++) {
            candles[i] = new CandleSeries(id, symbol, intervals[i], historyPerInterval, toleranceMillis, candleListener);
        }
    }

    // ---- writer side (pipeline thread) ----

    void beginWrite() {
        long v = (long) VERSION.get(this);
        VERSION.setOpaque(this, v + 1);
        VarHandle.storeStoreFence();
    }

    void endWrite() {
        VERSION.setRelease(this, (long) VERSION.get(this) + 1);
    }

    /**
     * Applies last trade / best bid-offer / reference price.
     *
     * @return true when the update is the newest of its kind (so it may move triggers)
     */
    boolean applyLast(MutableUpdate u) {
        long t = u.eventTime();
        if (t > timestamp) {
            timestamp = t;
        }
        switch (u.kind()) {
            case TRADE -> {
                if (t > priceHighWater) {
                    priceHighWater = t;
                }
                if (t >= lastTime) {
                    lastTime = t;
                    last = u.price();
                    lastQuantity = u.quantity();
                    lastSide = u.takerSide();
                    return true;
                }
                return false;
            }
            case QUOTE -> {
                if (t >= quoteTime) {
                    quoteTime = t;
                    bid = u.bid();
                    bidSize = u.bidSize();
                    ask = u.ask();
                    askSize = u.askSize();
                    return true;
                }
                return false;
            }
            case REFERENCE -> {
                if (t > priceHighWater) {
                    priceHighWater = t;
                }
                if (t >= referenceTime) {
                    referenceTime = t;
                    reference = u.price();
                    return true;
                }
                return false;
            }
        }
        return false;
    }

    private long watermark() {
        long byEvents = priceHighWater == Long.MIN_VALUE ? Long.MIN_VALUE : priceHighWater - toleranceMillis;
        long byClock = clockNow == Long.MIN_VALUE ? Long.MIN_VALUE : clockNow - idleCloseMillis;
        return Math.max(byEvents, byClock);
    }

    /** Feeds a trade or reference tick into every candle series; quotes do not make candles. */
    void applyCandles(MutableUpdate u) {
        if (u.kind() == UpdateKind.QUOTE) {
            return;
        }
        long t = u.eventTime();
        long w = watermark();
        if (t < w) {
            lateDropped++;
            return;
        }
        long qty = u.kind() == UpdateKind.TRADE ? u.quantity() : 0;
        boolean dropped = false;
        for (CandleSeries series : candles) {
            dropped |= !series.update(t, u.price(), qty);
            series.closeUpTo(w);
        }
        if (dropped) {
            lateDropped++;
        }
    }

    void applyWindow(MutableUpdate u) {
        switch (u.kind()) {
            case TRADE -> window.add(u.eventTime(), u.price(), u.quantity());
            case REFERENCE -> window.add(u.eventTime(), u.price(), 0);
            case QUOTE -> {
            }
        }
    }

    /** Moves this instrument's clock (idle markets): closes due candles and rolls the 24 h window. */
    void advanceTo(long epochMillis) {
        if (epochMillis <= clockNow) {
            return;
        }
        clockNow = epochMillis;
        if (epochMillis > timestamp) {
            timestamp = epochMillis;
        }
        window.advanceTo(epochMillis);
        long w = watermark();
        for (CandleSeries series : candles) {
            series.closeUpTo(w);
        }
    }

    // ---- reader side (any thread) ----

    private <T> T read(Supplier<T> body) {
        for (int attempt = 0; ; attempt++) {
            long before = (long) VERSION.getAcquire(this);
            if ((before & 1) == 0) {
                T value = body.get();
                VarHandle.loadLoadFence();
                if ((long) VERSION.getOpaque(this) == before) {
                    return value;
                }
            }
            if (attempt < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** A consistent ticker; safe from any thread. */
    public Ticker ticker() {
        return read(() -> new Ticker(symbol, last, bid, ask, reference, window.volume24h(), window.open24h(),
                window.change24h(), timestamp));
    }

    /** Candles with {@code from <= openTime < to}, oldest first, at most the newest {@code limit}; safe from any thread. */
    public List<Candle> candles(CandleInterval interval, long from, long to, int limit) {
        CandleSeries series = candles[interval.ordinal()];
        return read(() -> series.read(from, to, limit));
    }

    // ---- pipeline-thread views ----

    public int id() {
        return id;
    }

    public String symbol() {
        return symbol;
    }

    public long last() {
        return last;
    }

    public long lastQuantity() {
        return lastQuantity;
    }

    public TakerSide lastSide() {
        return lastSide;
    }

    public long bid() {
        return bid;
    }

    public long bidSize() {
        return bidSize;
    }

    public long ask() {
        return ask;
    }

    public long askSize() {
        return askSize;
    }

    public long referencePrice() {
        return reference;
    }

    public long volume24h() {
        return window.volume24h();
    }

    public long change24h() {
        return window.change24h();
    }

    public long timestamp() {
        return timestamp;
    }

    /** Trades/reference ticks too old for their candle (beyond the tolerance, or history). */
    public long lateDropped() {
        return lateDropped;
    }
}
