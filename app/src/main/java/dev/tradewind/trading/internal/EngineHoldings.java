package dev.tradewind.trading.internal;

import dev.tradewind.engine.core.MatchingEngine;
import dev.tradewind.engine.instrument.Asset;
import dev.tradewind.engine.instrument.DecimalConverter;
import dev.tradewind.engine.query.Balance;
import dev.tradewind.portfolio.HoldingsSource;
import dev.tradewind.trading.ReferenceData;
import dev.tradewind.trading.TradingAccounts;
import dev.tradewind.trading.TradingEngine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The portfolio's holdings, read from the matching engine's balances (total = available + reserved).
 *
 * <p>Why the engine and not the ledger balances in PostgreSQL: the engine is the source of truth
 * (the ledger is written from its events by the persister, so it trails it by the persister's lag),
 * {@code GET /balances} shows the engine's figures too, so the portfolio and the balances page always
 * agree; and one query runs on the engine's writer thread between two commands, so all of a user's
 * assets come from the same instant (no half-applied trade: the BTC already arrived but the USD not
 * yet gone). Amounts are exact: integer minor units turned into decimals with the asset's scale.
 */
@Component
class EngineHoldings implements HoldingsSource {
    private final TradingEngine engine;
    private final TradingAccounts accounts;
    private final ReferenceData referenceData;

    EngineHoldings(TradingEngine engine, TradingAccounts accounts, ReferenceData referenceData) {
        this.engine = engine;
        this.accounts = accounts;
        this.referenceData = referenceData;
    }

    @Override
    public Map<String, BigDecimal> holdings(UUID userId) {
        Optional<Long> account = accounts.findAccount(userId);
        if (account.isEmpty()) {
            return Map.of();
        }
        long id = account.get();
        List<Balance> balances = engine.query(m -> m.balances(id));
        Map<String, BigDecimal> out = new TreeMap<>();
        for (Balance b : balances) {
            if (b.total() > 0) { // the engine never lets a balance go negative; zero is left out
                Asset asset = referenceData.asset(b.assetId());
                out.put(asset.code(), new BigDecimal(DecimalConverter.formatAmount(asset, b.total())));
            }
        }
        return out;
    }

    @Override
    public Collection<UUID> holders() {
        long[] holding = engine.query(EngineHoldings::accountsHoldingAnything);
        List<UUID> users = new ArrayList<>(holding.length);
        for (long account : holding) {
            accounts.userOf(account).ifPresent(users::add); // the fee account has no user
        }
        return users;
    }

    private static long[] accountsHoldingAnything(MatchingEngine m) {
        return Arrays.stream(m.accountIds())
                .filter(id -> id != MatchingEngine.FEE_ACCOUNT_ID)
                .filter(id -> m.balances(id).stream().anyMatch(b -> b.total() > 0))
                .toArray();
    }
}
