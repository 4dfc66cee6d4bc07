package dev.tradewind.engine.core;

import dev.tradewind.engine.book.LevelListener;
import dev.tradewind.engine.book.Order;
import dev.tradewind.engine.book.StopOrder;
import dev.tradewind.engine.instrument.Asset;
import dev.tradewind.engine.instrument.Increment;
import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.engine.instrument.InstrumentRules;
import dev.tradewind.engine.instrument.InstrumentStatus;
import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import dev.tradewind.engine.risk.Account;
import dev.tradewind.engine.risk.FeeTier;
import dev.tradewind.engine.risk.RiskLimits;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Binary snapshot of the whole engine state. Orders are written in priority order and re-queued in
 * that order on restore, which is what preserves time priority; everything derived (order index,
 * level totals) is rebuilt. Versioned, and verified on read so that a snapshot from elsewhere fails
 * loudly instead of restoring a corrupt engine.
 */
final class SnapshotFormat {
    private static final int MAGIC = 0x54574E45; // "TWNE"
    private static final int VERSION = 1;
    private static final int END = 0x454E4421;

    private SnapshotFormat() {
    }

    static void write(EngineState state, DataOutput out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(state.lastSequence);
        out.writeLong(state.lastTradeId);

        out.writeInt(state.assets.size());
        for (Asset asset : state.assets) {
            out.writeUTF(asset.code());
            out.writeByte(asset.scale());
            out.writeLong(state.supply(asset.id()));
        }
        out.writeInt(state.feeTiers.size());
        for (FeeTier tier : state.feeTiers.values()) {
            out.writeInt(tier.tier());
            out.writeInt(tier.makerBps());
            out.writeInt(tier.takerBps());
        }

        List<Account> accounts = state.accounts.values();
        accounts.sort(Comparator.comparingLong(Account::id));
        out.writeInt(accounts.size());
        for (Account account : accounts) {
            out.writeLong(account.id());
            out.writeInt(account.feeTier());
            for (int asset = 0; asset < state.assets.size(); asset++) {
                out.writeLong(account.total(asset));
                out.writeLong(account.reserved(asset));
            }
        }

        out.writeInt(state.markets.size());
        for (Market m : state.markets) {
            Instrument i = m.instrument;
            out.writeUTF(i.symbol());
            out.writeInt(i.baseAssetId());
            out.writeInt(i.quoteAssetId());
            out.writeLong(i.tickSize().units());
            out.writeByte(i.tickSize().scale());
            out.writeLong(i.lotSize().units());
            out.writeByte(i.lotSize().scale());
            out.writeLong(i.minQuantity());
            out.writeByte(m.status.ordinal());
            out.writeInt(m.limits.priceBandBps());
            out.writeLong(m.limits.maxQuantity());
            out.writeLong(m.limits.maxNotional());
            out.writeLong(m.referencePrice);
            out.writeLong(m.lastTradePrice);
            out.writeLong(m.marketPrice);
            for (Side side : Side.values()) {
                List<Order> resting = new ArrayList<>(m.book.orderCount());
                m.book.forEachOrder(side, resting::add);
                writeOrders(out, resting);
            }
            List<Order> stops = new ArrayList<>(m.stops.size());
            m.stops.forEach(stops::add);
            writeOrders(out, stops);
        }

        out.writeInt(state.moneyRecords.size());
        for (MoneyRecord r : state.moneyRecords.values()) {
            out.writeUTF(r.reference);
            out.writeByte(r.kind);
            out.writeLong(r.accountId);
            out.writeInt(r.assetId);
            out.writeLong(r.amount);
            out.writeLong(r.totalAfter);
            out.writeLong(r.reservedAfter);
            out.writeByte(r.holdState);
            out.writeLong(r.settledTotal);
            out.writeLong(r.settledReserved);
        }
        out.writeInt(END);
    }

    private static void writeOrders(DataOutput out, List<Order> orders) throws IOException {
        out.writeInt(orders.size());
        for (Order o : orders) {
            out.writeLong(o.id());
            out.writeLong(o.account().id());
            out.writeByte(o.side().ordinal());
            out.writeByte(o.type().ordinal());
            out.writeByte(o.timeInForce().ordinal());
            out.writeLong(o.price());
            out.writeLong(o.stopPrice());
            out.writeLong(o.quantity());
            out.writeLong(o.filled());
            out.writeLong(o.filledValue());
            out.writeShort(o.makerFeeBps());
            out.writeShort(o.takerFeeBps());
            out.writeBoolean(o.clientOrderId() != null);
            if (o.clientOrderId() != null) {
                out.writeUTF(o.clientOrderId());
            }
        }
    }

    static void read(EngineState state, DataInput in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Tradewind engine snapshot (bad magic number)");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("engine snapshot version " + version + " is not supported (expected " + VERSION + ")");
        }
        state.reset();
        state.feeTiers.clear();
        state.accounts.clear();
        state.lastSequence = in.readLong();
        state.lastTradeId = in.readLong();

        int assetCount = in.readInt();
        for (int id = 0; id < assetCount; id++) {
            Asset asset = new Asset(id, in.readUTF(), in.readByte());
            state.assets.add(asset);
            state.assetsByCode.put(asset.code(), asset);
            state.addSupply(id, in.readLong());
        }
        int tierCount = in.readInt();
        for (int i = 0; i < tierCount; i++) {
            FeeTier tier = new FeeTier(in.readInt(), in.readInt(), in.readInt());
            state.feeTiers.put(tier.tier(), tier);
        }

        int accountCount = in.readInt();
        for (int i = 0; i < accountCount; i++) {
            Account account = new Account(in.readLong(), assetCount);
            account.setFeeTier(in.readInt());
            for (int asset = 0; asset < assetCount; asset++) {
                account.restore(asset, in.readLong(), in.readLong());
            }
            state.accounts.put(account.id(), account);
        }

        int marketCount = in.readInt();
        for (int id = 0; id < marketCount; id++) {
            String symbol = in.readUTF();
            Asset base = state.assets.get(in.readInt());
            Asset quote = state.assets.get(in.readInt());
            Increment tick = new Increment(in.readLong(), in.readByte());
            Increment lot = new Increment(in.readLong(), in.readByte());
            Instrument instrument = InstrumentRules.define(id, symbol, base, quote, tick, lot, in.readLong());
            if (instrument == null) {
                throw new IOException("snapshot instrument " + symbol + " breaks the asset-scale rule");
            }
            Market m = new Market(instrument);
            m.status = InstrumentStatus.values()[in.readByte()];
            m.limits = new RiskLimits(in.readInt(), in.readLong(), in.readLong());
            m.referencePrice = in.readLong();
            m.lastTradePrice = in.readLong();
            m.marketPrice = in.readLong();
            state.markets.add(m);
            state.marketsBySymbol.put(symbol, m);
            for (int side = 0; side < 2; side++) {
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    Order order = readOrder(state, in);
                    m.book.rest(order, LevelListener.NONE);
                    state.orders.put(order.id(), order);
                }
            }
            int stopCount = in.readInt();
            for (int i = 0; i < stopCount; i++) {
                StopOrder stop = (StopOrder) readOrder(state, in);
                m.stops.add(stop);
                state.orders.put(stop.id(), stop);
            }
        }

        int recordCount = in.readInt();
        for (int i = 0; i < recordCount; i++) {
            MoneyRecord r = new MoneyRecord(in.readUTF(), in.readByte(), in.readLong(), in.readInt(), in.readLong(),
                    in.readLong(), in.readLong());
            r.holdState = in.readByte();
            r.settledTotal = in.readLong();
            r.settledReserved = in.readLong();
            state.moneyRecords.put(r.reference, r);
        }
        if (in.readInt() != END) {
            throw new IOException("engine snapshot is truncated or corrupt (end marker missing)");
        }
    }

    /** Reads one order; orders with a stop price (pending or triggered) are {@link StopOrder}s. */
    private static Order readOrder(EngineState state, DataInput in) throws IOException {
        long id = in.readLong();
        long accountId = in.readLong();
        Side side = Side.values()[in.readByte()];
        OrderType type = OrderType.values()[in.readByte()];
        TimeInForce tif = TimeInForce.values()[in.readByte()];
        long price = in.readLong();
        long stopPrice = in.readLong();
        long quantity = in.readLong();
        long filled = in.readLong();
        long filledValue = in.readLong();
        int makerBps = in.readShort();
        int takerBps = in.readShort();
        String clientOrderId = in.readBoolean() ? in.readUTF() : null;
        Account account = state.accounts.get(accountId);
        if (account == null) {
            throw new IOException("snapshot order " + id + " belongs to unknown account " + accountId);
        }
        Order order = stopPrice != 0 ? new StopOrder(stopPrice) : new Order();
        order.init(id, account, side, type, tif, price, quantity, clientOrderId, makerBps, takerBps);
        if (filled > 0) {
            order.restoreFill(filled, filledValue);
        }
        return order;
    }
}
