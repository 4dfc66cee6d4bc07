package dev.tradewind.engine.command;

import dev.tradewind.engine.instrument.Increment;

/**
 * Adds a trading instrument (status TRADING); the engine assigns the next instrument id. Refused
 * unless the lot size is a whole number of base minor units and tick × lot a whole number of quote
 * minor units (see {@link dev.tradewind.engine.instrument.Instrument}).
 *
 * @param minQuantity in lots, ≥ 1
 */
public record AddInstrument(String symbol, int baseAssetId, int quoteAssetId, Increment tickSize, Increment lotSize,
                            long minQuantity) implements Command {
}
