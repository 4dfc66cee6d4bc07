/**
 * Assets, instruments and the edge conversion between decimal strings and the engine's integer
 * units (ticks, lots, minor units). {@code BigDecimal} is used here and nowhere else.
 */
package dev.tradewind.engine.instrument;
