package dev.tradewind.engine.marketdata.trigger;

import dev.tradewind.engine.marketdata.UpdateKind;

/**
 * Port through which market data moves stop orders: the engine wiring implements it (turning the
 * price into a trigger check on the single writer thread); {@link StopTriggerIndex} is the
 * in-memory implementation used by tests and benchmarks.
 *
 * <p>Called on the pipeline thread for every trade and reference tick that is the newest of its kind
 * for the instrument (late, out-of-order prices never trigger). Must not block.
 */
@FunctionalInterface
public interface PriceTriggerListener {
    PriceTriggerListener NONE = (instrument, price, source, eventTime) -> {
    };

    /**
     * @param instrument market-data instrument id (see {@code SymbolTable})
     * @param price      ticks
     * @param source     {@link UpdateKind#TRADE} or {@link UpdateKind#REFERENCE}
     * @param eventTime  epoch ms
     */
    void onPrice(int instrument, long price, UpdateKind source, long eventTime);
}
