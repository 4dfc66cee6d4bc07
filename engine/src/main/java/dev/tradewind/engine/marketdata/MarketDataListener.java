package dev.tradewind.engine.marketdata;

/**
 * Port for everything downstream of the pipeline's state (streams, the trade tape, the demo market
 * maker): told of each applied update on the pipeline thread, with the instrument's state after it.
 * Must be cheap and never block: publish into a conflating slot or a bounded queue.
 */
@FunctionalInterface
public interface MarketDataListener {
    MarketDataListener NONE = (update, state) -> {
    };

    /**
     * @param update valid only during the call (a reused flyweight)
     * @param state  the instrument after the update; read it only during the call
     */
    void onApplied(MutableUpdate update, InstrumentState state);
}
