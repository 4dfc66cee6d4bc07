package dev.tradewind.trading.internal;

import dev.tradewind.portfolio.Fill;
import dev.tradewind.portfolio.FillHistory;
import dev.tradewind.trading.InstrumentInfo;
import dev.tradewind.trading.ReferenceData;
import dev.tradewind.trading.TradingAccounts;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The portfolio's fill history: the user's rows of {@code fills} (what the persister stores from each
 * {@code TradeExecuted}, one row per side), oldest first. Trade ids grow with execution order, so
 * {@code ORDER BY trade_id} is time order, with same-instant fills in execution order; the
 * {@code fills_account (account_id, trade_id DESC)} index serves it, scanned backwards.
 *
 * <p>These are persisted trades, so a fill appears once the persister has committed it (normally
 * milliseconds; {@code POST /orders} itself waits for it). Base and quote assets come from the
 * instrument; an instrument this process does not know (cannot happen with the shared reference
 * data) fails loudly rather than guessing.
 */
@Component
class JdbcFillHistory implements FillHistory {
    private final JdbcClient jdbc;
    private final TradingAccounts accounts;
    private final ReferenceData referenceData;

    JdbcFillHistory(JdbcClient jdbc, TradingAccounts accounts, ReferenceData referenceData) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.referenceData = referenceData;
    }

    @Override
    public List<Fill> fills(UUID userId) {
        return accounts.findAccount(userId).map(this::fillsOfAccount).orElse(List.of());
    }

    private List<Fill> fillsOfAccount(long accountId) {
        return jdbc.sql("""
                        SELECT symbol, side, price, quantity, fee, fee_asset, executed_at
                          FROM fills
                         WHERE account_id = ?
                         ORDER BY trade_id""")
                .param(accountId)
                .query((rs, n) -> {
                    String symbol = rs.getString("symbol");
                    InstrumentInfo info = referenceData.instrument(symbol).orElseThrow(() -> new IllegalStateException(
                            "fills reference instrument " + symbol + ", which is not in the instruments table"));
                    return new Fill(symbol, info.base().code(), info.quote().code(), Fill.Side.valueOf(rs.getString("side")),
                            rs.getBigDecimal("price"), rs.getBigDecimal("quantity"), rs.getBigDecimal("fee"),
                            rs.getString("fee_asset"), rs.getTimestamp("executed_at").toInstant());
                })
                .list();
    }
}
