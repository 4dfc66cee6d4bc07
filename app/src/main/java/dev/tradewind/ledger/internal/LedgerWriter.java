package dev.tradewind.ledger.internal;

import dev.tradewind.engine.event.BalanceAdjusted;
import dev.tradewind.engine.event.DepositCredited;
import dev.tradewind.engine.event.EngineEvent;
import dev.tradewind.engine.event.TradeExecuted;
import dev.tradewind.engine.event.WithdrawalConfirmed;
import dev.tradewind.engine.instrument.Asset;
import dev.tradewind.engine.instrument.Instrument;
import dev.tradewind.engine.core.MatchingEngine;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.sequencer.EventBatch;
import dev.tradewind.trading.EngineCatalog;
import dev.tradewind.trading.PersistedEventWriter;
import dev.tradewind.trading.RowBuffer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns every movement of money in the engine's events into a double-entry ledger entry, inside the
 * persister's transaction:
 * <ul>
 * <li>{@code DepositCredited}: account +amount, world:deposits -amount (DEPOSIT)</li>
 * <li>{@code BalanceAdjusted}: account +amount, world:adjustments -amount (ADJUSTMENT; amount signed)</li>
 * <li>{@code WithdrawalConfirmed}: account -amount, world:withdrawals +amount (WITHDRAWAL); holds and
 *     releases only move money between available and reserved, which is not a ledger movement</li>
 * <li>{@code TradeExecuted}: buyer +base, seller -base, buyer -notional, seller +notional (TRADE lines),
 *     buyer -its fee, seller -its fee, fee account +both fees (FEE lines), all fees in the quote asset</li>
 * </ul>
 * Each entry's postings are checked to sum to zero per asset before anything is written (and the
 * database checks again at commit). Balances after each posting come from {@code ledger_balances},
 * read in the same transaction, so nothing is cached across batches.
 */
@Component
class LedgerWriter implements PersistedEventWriter {
    static final long WORLD_DEPOSITS = -1;
    static final long WORLD_WITHDRAWALS = -2;
    static final long WORLD_ADJUSTMENTS = -3;
    static final long FEES = MatchingEngine.FEE_ACCOUNT_ID;

    private final JdbcTemplate jdbc;

    LedgerWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Posting(long accountId, String asset, BigDecimal amount, String kind) {
    }

    record Entry(long sequence, int eventIndex, String type, String reference, long micros, List<Posting> postings) {
    }

    record Key(long accountId, String asset) {
    }

    @Override
    public void write(EventBatch<EngineEvent> batch, EngineCatalog catalog) {
        List<Entry> entries = entries(batch, catalog);
        if (entries.isEmpty()) {
            return;
        }
        for (Entry entry : entries) {
            checkBalanced(entry);
        }
        Map<Key, BigDecimal> balances = currentBalances(entries);

        RowBuffer entryRows = new RowBuffer("bigint", "int", "text", "text", "bigint");
        for (Entry e : entries) {
            entryRows.add(e.sequence(), e.eventIndex(), e.type(), e.reference(), e.micros());
        }
        Map<Long, Map<Integer, Long>> ids = new HashMap<>();
        jdbc.query("""
                        INSERT INTO ledger_entries (sequence, event_index, type, reference, occurred_at)
                        SELECT e.sequence, e.event_index, e.type, e.reference,
                               timestamptz 'epoch' + e.micros * interval '1 microsecond'
                        FROM unnest(?::bigint[], ?::int[], ?::text[], ?::text[], ?::bigint[])
                             AS e(sequence, event_index, type, reference, micros)
                        RETURNING entry_id, sequence, event_index""", entryRows::bind,
                rs -> {
                    ids.computeIfAbsent(rs.getLong(2), k -> new HashMap<>()).put(rs.getInt(3), rs.getLong(1));
                });

        RowBuffer postingRows = new RowBuffer("bigint", "int", "bigint", "text", "numeric", "numeric", "text", "bigint",
                "bigint");
        Map<Key, Long> lastEntry = new LinkedHashMap<>();
        for (Entry e : entries) {
            long entryId = ids.get(e.sequence()).get(e.eventIndex());
            int line = 0;
            for (Posting p : e.postings()) {
                Key key = new Key(p.accountId(), p.asset());
                BigDecimal after = balances.getOrDefault(key, BigDecimal.ZERO).add(p.amount());
                balances.put(key, after);
                lastEntry.put(key, entryId);
                postingRows.add(entryId, line++, p.accountId(), p.asset(), p.amount(), after, p.kind(), e.sequence(),
                        e.micros());
            }
        }
        jdbc.update("""
                INSERT INTO ledger_postings (entry_id, line, account_id, asset, amount, balance_after, kind, sequence,
                                             occurred_at)
                SELECT p.entry_id, p.line, p.account_id, p.asset, p.amount, p.balance_after, p.kind, p.sequence,
                       timestamptz 'epoch' + p.micros * interval '1 microsecond'
                FROM unnest(?::bigint[], ?::int[], ?::bigint[], ?::text[], ?::numeric[], ?::numeric[], ?::text[],
                            ?::bigint[], ?::bigint[])
                     AS p(entry_id, line, account_id, asset, amount, balance_after, kind, sequence, micros)""",
                postingRows::bind);

        RowBuffer balanceRows = new RowBuffer("bigint", "text", "numeric", "bigint");
        lastEntry.forEach((key, entryId) -> balanceRows.add(key.accountId(), key.asset(), balances.get(key), entryId));
        jdbc.update("""
                INSERT INTO ledger_balances (account_id, asset, balance, last_entry_id)
                SELECT * FROM unnest(?::bigint[], ?::text[], ?::numeric[], ?::bigint[])
                ON CONFLICT (account_id, asset) DO UPDATE
                    SET balance = EXCLUDED.balance, last_entry_id = EXCLUDED.last_entry_id""", balanceRows::bind);
    }

    private Map<Key, BigDecimal> currentBalances(List<Entry> entries) {
        RowBuffer keys = new RowBuffer("bigint", "text");
        entries.stream().flatMap(e -> e.postings().stream()).map(p -> new Key(p.accountId(), p.asset())).distinct()
                .forEach(k -> keys.add(k.accountId(), k.asset()));
        Map<Key, BigDecimal> balances = new HashMap<>();
        jdbc.query("""
                SELECT b.account_id, b.asset, b.balance
                FROM ledger_balances b
                JOIN unnest(?::bigint[], ?::text[]) AS k(account_id, asset)
                  ON b.account_id = k.account_id AND b.asset = k.asset""", keys::bind,
                rs -> {
                    balances.put(new Key(rs.getLong(1), rs.getString(2)), rs.getBigDecimal(3));
                });
        return balances;
    }

    /** Double entry, checked in code before the database checks it again at commit. */
    static void checkBalanced(Entry entry) {
        Map<String, BigDecimal> sums = new HashMap<>();
        for (Posting p : entry.postings()) {
            if (p.amount().signum() == 0) {
                throw new IllegalStateException("zero posting in ledger entry " + entry);
            }
            sums.merge(p.asset(), p.amount(), BigDecimal::add);
        }
        sums.forEach((asset, sum) -> {
            if (sum.signum() != 0) {
                throw new IllegalStateException("ledger entry does not balance: " + asset + " postings sum to " + sum
                        + " in " + entry);
            }
        });
        if (entry.postings().size() < 2) {
            throw new IllegalStateException("ledger entry needs two postings: " + entry);
        }
    }

    static List<Entry> entries(EventBatch<EngineEvent> batch, EngineCatalog catalog) {
        List<Entry> entries = new ArrayList<>();
        long sequence = -1;
        int index = 0;
        for (int i = 0; i < batch.size(); i++) {
            EngineEvent event = batch.event(i);
            if (event.sequence() != sequence) {
                sequence = event.sequence();
                index = 0;
            } else {
                index++;
            }
            long micros = Math.floorDiv(event.timestamp(), 1000);
            switch (event) {
                case DepositCredited e -> {
                    Asset asset = catalog.asset(e.assetId());
                    entries.add(new Entry(sequence, index, "DEPOSIT", e.reference(), micros, List.of(
                            new Posting(e.accountId(), asset.code(), amount(asset, e.amount()), "DEPOSIT"),
                            new Posting(WORLD_DEPOSITS, asset.code(), amount(asset, -e.amount()), "DEPOSIT"))));
                }
                case BalanceAdjusted e -> {
                    Asset asset = catalog.asset(e.assetId());
                    entries.add(new Entry(sequence, index, "ADJUSTMENT", e.reference(), micros, List.of(
                            new Posting(e.accountId(), asset.code(), amount(asset, e.amount()), "ADJUSTMENT"),
                            new Posting(WORLD_ADJUSTMENTS, asset.code(), amount(asset, -e.amount()), "ADJUSTMENT"))));
                }
                case WithdrawalConfirmed e -> {
                    Asset asset = catalog.asset(e.assetId());
                    entries.add(new Entry(sequence, index, "WITHDRAWAL", e.reference(), micros, List.of(
                            new Posting(e.accountId(), asset.code(), amount(asset, -e.amount()), "WITHDRAWAL"),
                            new Posting(WORLD_WITHDRAWALS, asset.code(), amount(asset, e.amount()), "WITHDRAWAL"))));
                }
                case TradeExecuted e -> entries.add(trade(e, sequence, index, micros, catalog));
                default -> {
                }
            }
        }
        return entries;
    }

    private static Entry trade(TradeExecuted e, long sequence, int index, long micros, EngineCatalog catalog) {
        Instrument instrument = catalog.instrument(e.instrumentId());
        Asset base = catalog.asset(instrument.baseAssetId());
        Asset quote = catalog.asset(instrument.quoteAssetId());
        long baseAmount = instrument.baseAmount(e.quantity());
        long notional = instrument.notional(e.price(), e.quantity());
        boolean takerBuys = e.takerSide() == Side.BUY;
        long buyer = takerBuys ? e.takerAccountId() : e.makerAccountId();
        long seller = takerBuys ? e.makerAccountId() : e.takerAccountId();
        long buyerFee = takerBuys ? e.takerFee() : e.makerFee();
        long sellerFee = takerBuys ? e.makerFee() : e.takerFee();
        List<Posting> postings = new ArrayList<>(7);
        postings.add(new Posting(buyer, base.code(), amount(base, baseAmount), "TRADE"));
        postings.add(new Posting(seller, base.code(), amount(base, -baseAmount), "TRADE"));
        postings.add(new Posting(buyer, quote.code(), amount(quote, -notional), "TRADE"));
        postings.add(new Posting(seller, quote.code(), amount(quote, notional), "TRADE"));
        if (buyerFee > 0) {
            postings.add(new Posting(buyer, quote.code(), amount(quote, -buyerFee), "FEE"));
        }
        if (sellerFee > 0) {
            postings.add(new Posting(seller, quote.code(), amount(quote, -sellerFee), "FEE"));
        }
        if (buyerFee + sellerFee > 0) {
            postings.add(new Posting(FEES, quote.code(), amount(quote, buyerFee + sellerFee), "FEE"));
        }
        return new Entry(sequence, index, "TRADE", "trade:" + e.tradeId(), micros, postings);
    }

    private static BigDecimal amount(Asset asset, long minor) {
        return BigDecimal.valueOf(minor, asset.scale());
    }
}
