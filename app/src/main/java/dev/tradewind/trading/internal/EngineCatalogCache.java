package dev.tradewind.trading.internal;

import dev.tradewind.engine.core.MatchingEngine;
import dev.tradewind.engine.instrument.Asset;
import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.trading.EngineCatalog;
import dev.tradewind.trading.TradingEngine;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's asset and instrument definitions by id. Definitions never change once added, so they
 * are cached; a miss (something added after the last load) reloads them from the engine.
 */
final class EngineCatalogCache implements EngineCatalog {
    private final TradingEngine engine;
    private final Map<Integer, Asset> assets = new ConcurrentHashMap<>();
    private final Map<Integer, Instrument> instruments = new ConcurrentHashMap<>();

    EngineCatalogCache(TradingEngine engine) {
        this.engine = engine;
    }

    void load() {
        engine.query(MatchingEngine::assets).forEach(a -> assets.put(a.id(), a));
        engine.query(MatchingEngine::instruments).forEach(i -> instruments.put(i.id(), i));
    }

    void add(Asset asset) {
        assets.put(asset.id(), asset);
    }

    void add(Instrument instrument) {
        instruments.put(instrument.id(), instrument);
    }

    @Override
    public Asset asset(int assetId) {
        Asset asset = assets.get(assetId);
        if (asset == null) {
            load();
            asset = assets.get(assetId);
        }
        if (asset == null) {
            throw new IllegalStateException("the engine has no asset " + assetId);
        }
        return asset;
    }

    @Override
    public Instrument instrument(int instrumentId) {
        Instrument instrument = instruments.get(instrumentId);
        if (instrument == null) {
            load();
            instrument = instruments.get(instrumentId);
        }
        if (instrument == null) {
            throw new IllegalStateException("the engine has no instrument " + instrumentId);
        }
        return instrument;
    }
}
