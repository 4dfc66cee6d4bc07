package dev.tradewind.trading;

import dev.tradewind.engine.instrument.Asset;
import dev.tradewind.engine.instrument.Instrument;

/** Assets and instruments by engine id, as the engine defines them (for turning engine units into decimals). */
public interface EngineCatalog {
    /** @throws IllegalStateException for an id the engine never assigned */
    Asset asset(int assetId);

    /** @throws IllegalStateException for an id the engine never assigned */
    Instrument instrument(int instrumentId);
}
