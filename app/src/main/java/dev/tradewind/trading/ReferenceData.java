package dev.tradewind.trading;

import dev.tradewind.engine.instrument.Asset;
import java.util.List;
import java.util.Optional;

/**
 * Assets and instruments (PostgreSQL tables {@code assets}, {@code instruments}) with the ids the
 * engine gave them. Complete once the trading runtime has started: it makes sure the engine has
 * every asset and instrument of PostgreSQL.
 */
public interface ReferenceData {
    List<Asset> assets();

    Optional<Asset> asset(String code);

    /** @throws IllegalArgumentException for an engine id this process does not know */
    Asset asset(int engineId);

    /** Every instrument, by symbol. */
    List<InstrumentInfo> instruments();

    Optional<InstrumentInfo> instrument(String symbol);

    /** @throws IllegalArgumentException for an engine id this process does not know */
    InstrumentInfo instrument(int engineId);
}
