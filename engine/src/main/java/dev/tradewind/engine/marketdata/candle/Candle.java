package dev.tradewind.engine.marketdata.candle;

/**
 * One OHLCV candle: prices in ticks, volume in lots of the symbol's instrument scale.
 *
 * @param openTime epoch milliseconds of the (UTC-aligned) start; the candle covers {@code [openTime, openTime + interval)}
 * @param open     price of the earliest update in the candle (by event time)
 * @param close    price of the latest update in the candle (by event time; arrival order breaks ties)
 * @param volume   traded lots; reference ticks add price only, so a candle made only of them has volume 0
 * @param closed   true once final (see {@link CandleSeries} for when that is)
 */
public record Candle(String symbol, CandleInterval interval, long openTime, long open, long high, long low,
                     long close, long volume, boolean closed) {
}
