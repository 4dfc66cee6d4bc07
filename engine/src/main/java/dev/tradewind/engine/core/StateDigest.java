package dev.tradewind.engine.core;

import dev.tradewind.engine.book.Order;
import dev.tradewind.engine.instrument.Asset;
import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.risk.Account;
import dev.tradewind.engine.risk.FeeTier;

/**
 * Computes the state hash from content only. Ordered state (books in priority order, stops in
 * trigger order, assets, instruments, tiers) is hashed in order; unordered state (accounts, money
 * references) is hashed per entry and summed, so neither the open-addressing layout nor insertion
 * history of a restored engine can change the hash.
 */
final class StateDigest {
    private StateDigest() {
    }

    /** Hash of everything including the sequence (what recovery compares). */
    static long of(EngineState state) {
        return new StateHasher().add(state.lastSequence).add(content(state)).value();
    }

    /** Hash of everything but the sequence, which even a rejected command advances. */
    static long content(EngineState state) {
        StateHasher h = new StateHasher();
        h.add(state.lastTradeId);
        h.add(state.assets.size());
        for (Asset asset : state.assets) {
            h.add(asset.code()).add(asset.scale()).add(state.supply(asset.id()));
        }
        h.add(state.feeTiers.size());
        for (FeeTier tier : state.feeTiers.values()) {
            h.add(tier.tier()).add(tier.makerBps()).add(tier.takerBps());
        }
        h.add(state.markets.size());
        for (Market m : state.markets) {
            Instrument i = m.instrument;
            h.add(i.symbol()).add(i.baseAssetId()).add(i.quoteAssetId()).add(i.tickSize().units()).add(i.tickSize().scale())
                    .add(i.lotSize().units()).add(i.lotSize().scale()).add(i.minQuantity());
            h.add(m.status.ordinal()).add(m.limits.priceBandBps()).add(m.limits.maxQuantity()).add(m.limits.maxNotional())
                    .add(m.referencePrice).add(m.lastTradePrice).add(m.marketPrice);
            for (Side side : Side.values()) {
                h.add(m.book.levelCount(side));
                m.book.forEachOrder(side, o -> addOrder(h, o));
            }
            h.add(m.stops.size());
            m.stops.forEach(o -> addOrder(h, o));
        }
        int assetCount = state.assets.size();
        long[] accountsSum = {0, 0};
        state.accounts.forEachValue(a -> {
            accountsSum[0] += accountHash(a, assetCount);
            accountsSum[1]++;
        });
        h.add(accountsSum[0]).add(accountsSum[1]);
        long records = 0;
        for (MoneyRecord r : state.moneyRecords.values()) {
            records += new StateHasher().add(r.reference).add(r.kind).add(r.accountId).add(r.assetId).add(r.amount)
                    .add(r.totalAfter).add(r.reservedAfter).add(r.holdState).add(r.settledTotal).add(r.settledReserved).value();
        }
        h.add(records).add(state.moneyRecords.size());
        return h.value();
    }

    private static long accountHash(Account a, int assetCount) {
        StateHasher h = new StateHasher().add(a.id()).add(a.feeTier());
        for (int asset = 0; asset < assetCount; asset++) {
            h.add(a.total(asset)).add(a.reserved(asset));
        }
        return h.value();
    }

    private static void addOrder(StateHasher h, Order o) {
        h.add(o.id()).add(o.account().id()).add(o.side().ordinal()).add(o.type().ordinal()).add(o.timeInForce().ordinal())
                .add(o.price()).add(o.stopPrice()).add(o.quantity()).add(o.filled()).add(o.filledValue())
                .add(o.makerFeeBps()).add(o.takerFeeBps()).add(o.clientOrderId());
    }
}
