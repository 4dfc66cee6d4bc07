package dev.tradewind.engine.marketdata.trigger;

/** Told when a stop registered in a {@link StopTriggerIndex} is triggered; called on the pipeline thread. */
@FunctionalInterface
public interface TriggerFiredListener {
    /**
     * @param stopId    the id the stop was registered with
     * @param stopPrice its trigger level, ticks
     * @param price     the price that crossed it, ticks
     */
    void onTriggered(int instrument, long stopId, boolean buy, long stopPrice, long price, long eventTime);
}
