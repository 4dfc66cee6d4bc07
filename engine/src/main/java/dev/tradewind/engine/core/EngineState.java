package dev.tradewind.engine.core;

import dev.tradewind.engine.book.Order;
import dev.tradewind.engine.collection.LongObjectMap;
import dev.tradewind.engine.instrument.Asset;
import dev.tradewind.engine.risk.Account;
import dev.tradewind.engine.risk.FeeTier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** All engine state, shared by the desks that apply commands; owned by the single writer thread. */
final class EngineState {
    /** Receives trading fees; orders from it are refused. */
    static final long FEE_ACCOUNT_ID = 0;

    final EngineConfig config;
    long lastSequence;
    long lastTradeId;

    final List<Asset> assets = new ArrayList<>();
    final Map<String, Asset> assetsByCode = new HashMap<>();
    /** Σ of each asset's totals over all accounts: changes only through money commands. */
    long[] supply = new long[8];

    final List<Market> markets = new ArrayList<>();
    final Map<String, Market> marketsBySymbol = new HashMap<>();

    final TreeMap<Integer, FeeTier> feeTiers = new TreeMap<>();
    final LongObjectMap<Account> accounts;
    /** Open orders (resting and pending stops) by id. */
    final LongObjectMap<Order> orders;
    final Map<String, MoneyRecord> moneyRecords = new LinkedHashMap<>();

    EngineState(EngineConfig config) {
        this.config = config;
        this.accounts = new LongObjectMap<>(config.expectedAccounts());
        this.orders = new LongObjectMap<>(config.expectedOpenOrders());
        reset();
    }

    /** Back to the empty state of a new engine (also the first step of restoring a snapshot). */
    void reset() {
        lastSequence = 0;
        lastTradeId = 0;
        assets.clear();
        assetsByCode.clear();
        supply = new long[8];
        markets.clear();
        marketsBySymbol.clear();
        feeTiers.clear();
        feeTiers.put(0, new FeeTier(0, 0, 0));
        accounts.clear();
        orders.clear();
        moneyRecords.clear();
        accounts.put(FEE_ACCOUNT_ID, new Account(FEE_ACCOUNT_ID, 8));
    }

    Market market(int instrumentId) {
        return instrumentId >= 0 && instrumentId < markets.size() ? markets.get(instrumentId) : null;
    }

    boolean assetExists(int assetId) {
        return assetId >= 0 && assetId < assets.size();
    }

    Account account(long id) {
        return accounts.get(id);
    }

    Account accountOrCreate(long id) {
        Account account = accounts.get(id);
        if (account == null) {
            account = new Account(id, assets.size());
            accounts.put(id, account);
        }
        return account;
    }

    Account feeAccount() {
        return accounts.get(FEE_ACCOUNT_ID);
    }

    FeeTier feeTierOf(Account account) {
        FeeTier tier = account == null ? null : feeTiers.get(account.feeTier());
        return tier != null ? tier : feeTiers.get(0);
    }

    void addSupply(int asset, long amount) {
        if (asset >= supply.length) {
            supply = java.util.Arrays.copyOf(supply, Math.max(asset + 1, supply.length * 2));
        }
        supply[asset] = Math.addExact(supply[asset], amount);
    }

    long supply(int asset) {
        return asset < supply.length ? supply[asset] : 0;
    }
}
