package dev.tradewind.engine.instrument;

/** Whether an instrument accepts new orders; cancels are always accepted. */
public enum InstrumentStatus {
    TRADING,
    HALTED
}
