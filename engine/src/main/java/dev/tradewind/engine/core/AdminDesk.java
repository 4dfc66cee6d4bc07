package dev.tradewind.engine.core;

import dev.tradewind.engine.command.AddAsset;
import dev.tradewind.engine.command.AddInstrument;
import dev.tradewind.engine.command.ConfigureFeeTier;
import dev.tradewind.engine.command.ConfigureRiskLimits;
import dev.tradewind.engine.command.SetAccountFeeTier;
import dev.tradewind.engine.command.SetInstrumentStatus;
import dev.tradewind.engine.command.UpdateReferencePrice;
import dev.tradewind.engine.event.AccountFeeTierSet;
import dev.tradewind.engine.event.AssetAdded;
import dev.tradewind.engine.event.FeeTierConfigured;
import dev.tradewind.engine.event.InstrumentAdded;
import dev.tradewind.engine.event.InstrumentStatusChanged;
import dev.tradewind.engine.event.ReferencePriceUpdated;
import dev.tradewind.engine.event.RiskLimitsConfigured;
import dev.tradewind.engine.instrument.Asset;
import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.engine.instrument.InstrumentRules;
import dev.tradewind.engine.instrument.InstrumentStatus;
import dev.tradewind.engine.result.AdminResult;
import dev.tradewind.engine.result.RejectCode;
import dev.tradewind.engine.risk.FeeTier;
import dev.tradewind.engine.risk.Fees;
import dev.tradewind.engine.risk.RiskLimits;

/** Reference data and configuration: assets, instruments, statuses, fee tiers, limits, reference prices. */
final class AdminDesk {
    private final EngineState state;
    private final EventEmitter events;
    private final OrderDesk orders;

    AdminDesk(EngineState state, EventEmitter events, OrderDesk orders) {
        this.state = state;
        this.events = events;
        this.orders = orders;
    }

    AdminResult addAsset(AddAsset c) {
        if (c.code() == null || c.code().isBlank() || c.scale() < 0 || c.scale() > Asset.MAX_SCALE) {
            return rejected(RejectCode.INVALID_ASSET);
        }
        if (state.assetsByCode.containsKey(c.code())) {
            return rejected(RejectCode.DUPLICATE_ASSET);
        }
        Asset asset = new Asset(state.assets.size(), c.code(), c.scale());
        state.assets.add(asset);
        state.assetsByCode.put(asset.code(), asset);
        events.emit(new AssetAdded(events.sequence, events.timestamp, asset));
        return new AdminResult(events.sequence, null, asset.id());
    }

    AdminResult addInstrument(AddInstrument c) {
        if (!state.assetExists(c.baseAssetId()) || !state.assetExists(c.quoteAssetId())) {
            return rejected(RejectCode.UNKNOWN_ASSET);
        }
        if (c.symbol() == null || c.symbol().isBlank() || c.baseAssetId() == c.quoteAssetId()
                || c.tickSize() == null || c.lotSize() == null || c.minQuantity() < 1) {
            return rejected(RejectCode.INVALID_INSTRUMENT);
        }
        if (state.marketsBySymbol.containsKey(c.symbol())) {
            return rejected(RejectCode.DUPLICATE_SYMBOL);
        }
        Instrument instrument = InstrumentRules.define(state.markets.size(), c.symbol(), state.assets.get(c.baseAssetId()),
                state.assets.get(c.quoteAssetId()), c.tickSize(), c.lotSize(), c.minQuantity());
        if (instrument == null) {
            return rejected(RejectCode.INVALID_INSTRUMENT);
        }
        Market market = new Market(instrument);
        state.markets.add(market);
        state.marketsBySymbol.put(instrument.symbol(), market);
        events.emit(new InstrumentAdded(events.sequence, events.timestamp, instrument));
        return new AdminResult(events.sequence, null, instrument.id());
    }

    AdminResult setStatus(SetInstrumentStatus c) {
        Market market = state.market(c.instrumentId());
        if (market == null) {
            return rejected(RejectCode.UNKNOWN_INSTRUMENT);
        }
        if (c.status() == null) {
            return rejected(RejectCode.INVALID_INSTRUMENT);
        }
        market.status = c.status();
        events.emit(new InstrumentStatusChanged(events.sequence, events.timestamp, market.id, c.status()));
        if (c.status() == InstrumentStatus.TRADING) {
            orders.marketPriceMoved(market);
        }
        return ok();
    }

    AdminResult updateReferencePrice(UpdateReferencePrice c) {
        Market market = state.market(c.instrumentId());
        if (market == null) {
            return rejected(RejectCode.UNKNOWN_INSTRUMENT);
        }
        if (c.price() <= 0) {
            return rejected(RejectCode.INVALID_PRICE);
        }
        market.referencePrice = c.price();
        market.marketPrice = c.price();
        events.emit(new ReferencePriceUpdated(events.sequence, events.timestamp, market.id, c.price()));
        orders.marketPriceMoved(market);
        return ok();
    }

    AdminResult configureFeeTier(ConfigureFeeTier c) {
        if (c.tier() < 0 || c.makerBps() < 0 || c.makerBps() > Fees.MAX_BPS || c.takerBps() < 0 || c.takerBps() > Fees.MAX_BPS) {
            return rejected(RejectCode.INVALID_FEE);
        }
        FeeTier tier = new FeeTier(c.tier(), c.makerBps(), c.takerBps());
        state.feeTiers.put(tier.tier(), tier);
        events.emit(new FeeTierConfigured(events.sequence, events.timestamp, tier));
        return ok();
    }

    AdminResult setAccountFeeTier(SetAccountFeeTier c) {
        if (c.accountId() <= EngineState.FEE_ACCOUNT_ID) {
            return rejected(RejectCode.INVALID_ACCOUNT);
        }
        if (!state.feeTiers.containsKey(c.tier())) {
            return rejected(RejectCode.UNKNOWN_FEE_TIER);
        }
        state.accountOrCreate(c.accountId()).setFeeTier(c.tier());
        events.emit(new AccountFeeTierSet(events.sequence, events.timestamp, c.accountId(), c.tier()));
        return ok();
    }

    AdminResult configureRiskLimits(ConfigureRiskLimits c) {
        Market market = state.market(c.instrumentId());
        if (market == null) {
            return rejected(RejectCode.UNKNOWN_INSTRUMENT);
        }
        RiskLimits limits = new RiskLimits(c.priceBandBps(), c.maxQuantity(), c.maxNotional());
        if (!limits.isValid()) {
            return rejected(RejectCode.INVALID_RISK_LIMITS);
        }
        market.limits = limits;
        events.emit(new RiskLimitsConfigured(events.sequence, events.timestamp, market.id, limits));
        return ok();
    }

    private AdminResult ok() {
        return new AdminResult(events.sequence, null, -1);
    }

    private AdminResult rejected(RejectCode code) {
        return new AdminResult(events.sequence, code, -1);
    }
}
