package dev.tradewind.trading;

/**
 * Published once the engine runs with all reference data and the persister is attached: modules
 * that must (re)send commands at start, such as pending PostgreSQL-first adjustments, do it now.
 */
public record TradingEngineStarted(long sequence) {
}
