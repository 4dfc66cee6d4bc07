package dev.tradewind.marketdata.internal;

import dev.tradewind.engine.marketdata.candle.CandleInterval;
import java.util.List;

/** Candles kept beyond the pipeline's memory (PostgreSQL). */
interface CandleHistory {
    /** Persisted candles with {@code from <= time < to} (epoch ms), oldest first, the newest {@code limit}. */
    List<CandleView> candles(String symbol, CandleInterval interval, long from, long to, int limit);
}
