package dev.tradewind.engine.marketdata.candle;

/**
 * Port for candle consumers, called on the pipeline thread: keep it cheap and non-blocking (hand
 * off to a queue or a conflating slot).
 */
public interface CandleListener {
    CandleListener NONE = new CandleListener() {
    };

    /**
     * An open candle changed (for streams). Primitive arguments so the hot path does not allocate.
     */
    default void onCandleUpdated(int instrument, CandleInterval interval, long openTime, long open, long high,
                                 long low, long close, long volume) {
    }

    /**
     * A candle became final and will never change again: the place for batched persistence.
     */
    default void onCandleClosed(int instrument, Candle candle) {
    }
}
