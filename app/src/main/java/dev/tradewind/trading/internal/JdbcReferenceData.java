package dev.tradewind.trading.internal;

import dev.tradewind.engine.command.AddAsset;
import dev.tradewind.engine.command.AddInstrument;
import dev.tradewind.engine.command.SetInstrumentStatus;
import dev.tradewind.engine.core.MatchingEngine;
import dev.tradewind.engine.instrument.Asset;
import dev.tradewind.engine.instrument.Increment;
import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.engine.instrument.InstrumentStatus;
import dev.tradewind.engine.query.MarketSnapshot;
import dev.tradewind.engine.result.AdminResult;
import dev.tradewind.engine.result.Result;
import dev.tradewind.trading.InstrumentInfo;
import dev.tradewind.trading.ReferenceData;
import dev.tradewind.trading.TradingEngine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reference data from PostgreSQL, made consistent with the engine at start ({@link #synchronize}):
 * adds what the engine lacks (AddAsset/AddInstrument are refused as duplicates by code, so this is
 * idempotent), pushes PostgreSQL's instrument status to the engine, and records the engine's ids.
 * Reads are served from an immutable in-memory snapshot replaced after each change.
 */
@Service
public class JdbcReferenceData implements ReferenceData {
    private static final Logger log = LoggerFactory.getLogger(JdbcReferenceData.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private volatile Snapshot snapshot = new Snapshot(List.of(), List.of());

    JdbcReferenceData(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    private record Snapshot(List<Asset> assets, List<InstrumentInfo> instruments) {
        Optional<Asset> asset(String code) {
            return assets.stream().filter(a -> a.code().equals(code)).findFirst();
        }
    }

    record AssetRow(String code, int scale, Integer engineId) {
    }

    record InstrumentRow(String symbol, String baseAsset, String quoteAsset, BigDecimal tickSize, BigDecimal lotSize,
                         BigDecimal minQuantity, InstrumentStatus status, Integer engineId) {
    }

    /** Makes the engine hold every asset and instrument of PostgreSQL, with PostgreSQL's status. */
    public void synchronize(TradingEngine engine) {
        Map<String, Integer> assetIds = new HashMap<>();
        List<Asset> engineAssets = engine.query(MatchingEngine::assets);
        for (AssetRow row : assetRows()) {
            Asset existing = engineAssets.stream().filter(a -> a.code().equals(row.code())).findFirst().orElse(null);
            int id;
            if (existing != null) {
                if (existing.scale() != row.scale()) {
                    throw new IllegalStateException("Asset " + row.code() + " has scale " + row.scale()
                            + " in PostgreSQL but " + existing.scale() + " in the engine journal. An asset's scale "
                            + "cannot change: fix the assets table or start from an empty engine directory");
                }
                id = existing.id();
            } else {
                id = assigned(engine.execute(new AddAsset(row.code(), row.scale())), "asset " + row.code());
                log.info("Added asset {} (scale {}) to the engine as id {}", row.code(), row.scale(), id);
            }
            assetIds.put(row.code(), id);
        }
        List<Instrument> engineInstruments = engine.query(MatchingEngine::instruments);
        Map<String, Integer> instrumentIds = new HashMap<>();
        for (InstrumentRow row : instrumentRows()) {
            Increment tick = Increment.parse(row.tickSize().toPlainString());
            Increment lot = Increment.parse(row.lotSize().toPlainString());
            long minLots = minLots(row, lot);
            Instrument existing = engineInstruments.stream().filter(i -> i.symbol().equals(row.symbol())).findFirst()
                    .orElse(null);
            int id;
            if (existing != null) {
                if (!existing.tickSize().equals(tick) || !existing.lotSize().equals(lot)
                        || existing.minQuantity() != minLots
                        || existing.baseAssetId() != assetIds.get(row.baseAsset())
                        || existing.quoteAssetId() != assetIds.get(row.quoteAsset())) {
                    throw new IllegalStateException("Instrument " + row.symbol() + " differs between PostgreSQL and "
                            + "the engine journal (" + existing + "). Its rules cannot change once trading started: "
                            + "restore the instruments row or start from an empty engine directory");
                }
                id = existing.id();
            } else {
                id = assigned(engine.execute(new AddInstrument(row.symbol(), assetIds.get(row.baseAsset()),
                        assetIds.get(row.quoteAsset()), tick, lot, minLots)), "instrument " + row.symbol());
                log.info("Added instrument {} to the engine as id {}", row.symbol(), id);
            }
            instrumentIds.put(row.symbol(), id);
            InstrumentStatus engineStatus = engine.query(m -> m.market(id).map(MarketSnapshot::status).orElseThrow());
            if (engineStatus != row.status()) {
                Result result = engine.execute(new SetInstrumentStatus(id, row.status()));
                if (!result.accepted()) {
                    throw new IllegalStateException("The engine refused status " + row.status() + " for " + row.symbol()
                            + ": " + result.rejectCode());
                }
                log.info("Instrument {} set to {} in the engine", row.symbol(), row.status());
            }
        }
        recordIds(assetIds, instrumentIds);
        reload(engine);
    }

    private static long minLots(InstrumentRow row, Increment lot) {
        BigDecimal[] division = row.minQuantity().divideAndRemainder(lot.toBigDecimal());
        if (division[1].signum() != 0) {
            throw new IllegalStateException("Instrument " + row.symbol() + ": min_quantity " + row.minQuantity()
                    + " is not a whole number of lots of " + lot);
        }
        return division[0].longValueExact();
    }

    private static int assigned(Result result, String what) {
        if (!(result instanceof AdminResult admin) || !admin.accepted()) {
            throw new IllegalStateException("The engine refused to add " + what + ": " + result.rejectCode()
                    + ". Fix the row in PostgreSQL (e.g. increments not expressible in the assets' scales)");
        }
        return admin.assignedId();
    }

    private void recordIds(Map<String, Integer> assetIds, Map<String, Integer> instrumentIds) {
        boolean assetsChanged = assetRows().stream().anyMatch(r -> !assetIds.get(r.code()).equals(r.engineId()));
        boolean instrumentsChanged = instrumentRows().stream()
                .anyMatch(r -> !instrumentIds.get(r.symbol()).equals(r.engineId()));
        if (!assetsChanged && !instrumentsChanged) {
            return;
        }
        tx.executeWithoutResult(status -> {
            // two steps, so ids that moved between rows never collide on the unique constraint
            jdbc.sql("UPDATE instruments SET engine_id = NULL").update();
            jdbc.sql("UPDATE assets SET engine_id = NULL").update();
            assetIds.forEach((code, id) -> jdbc.sql("UPDATE assets SET engine_id = ? WHERE code = ?").params(id, code)
                    .update());
            instrumentIds.forEach((symbol, id) -> jdbc.sql("UPDATE instruments SET engine_id = ? WHERE symbol = ?")
                    .params(id, symbol).update());
        });
    }

    /** Rebuilds the in-memory snapshot from PostgreSQL and the engine's definitions. */
    public void reload(TradingEngine engine) {
        List<Asset> engineAssets = engine.query(MatchingEngine::assets);
        List<Instrument> engineInstruments = engine.query(MatchingEngine::instruments);
        List<Asset> assets = new ArrayList<>();
        for (AssetRow row : assetRows()) {
            engineAssets.stream().filter(a -> a.code().equals(row.code())).findFirst().ifPresent(assets::add);
        }
        List<InstrumentInfo> instruments = new ArrayList<>();
        for (InstrumentRow row : instrumentRows()) {
            engineInstruments.stream().filter(i -> i.symbol().equals(row.symbol())).findFirst().ifPresent(i ->
                    instruments.add(new InstrumentInfo(i, engineAssets.get(i.baseAssetId()),
                            engineAssets.get(i.quoteAssetId()), row.status())));
        }
        assets.sort(Comparator.comparing(Asset::code));
        instruments.sort(Comparator.comparing(InstrumentInfo::symbol));
        snapshot = new Snapshot(List.copyOf(assets), List.copyOf(instruments));
    }

    private List<AssetRow> assetRows() {
        return jdbc.sql("SELECT code, scale, engine_id FROM assets ORDER BY created_at, code")
                .query((rs, n) -> new AssetRow(rs.getString(1), rs.getInt(2), (Integer) rs.getObject(3))).list();
    }

    private List<InstrumentRow> instrumentRows() {
        return jdbc.sql("""
                        SELECT symbol, base_asset, quote_asset, tick_size, lot_size, min_quantity, status, engine_id
                        FROM instruments ORDER BY created_at, symbol""")
                .query((rs, n) -> new InstrumentRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6),
                        InstrumentStatus.valueOf(rs.getString(7)), (Integer) rs.getObject(8)))
                .list();
    }

    @Override
    public List<Asset> assets() {
        return snapshot.assets();
    }

    @Override
    public Optional<Asset> asset(String code) {
        return snapshot.asset(code);
    }

    @Override
    public Asset asset(int engineId) {
        return snapshot.assets().stream().filter(a -> a.id() == engineId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no asset with engine id " + engineId));
    }

    @Override
    public List<InstrumentInfo> instruments() {
        return snapshot.instruments();
    }

    @Override
    public Optional<InstrumentInfo> instrument(String symbol) {
        return snapshot.instruments().stream().filter(i -> i.symbol().equals(symbol)).findFirst();
    }

    @Override
    public InstrumentInfo instrument(int engineId) {
        return snapshot.instruments().stream().filter(i -> i.engineId() == engineId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no instrument with engine id " + engineId));
    }
}
