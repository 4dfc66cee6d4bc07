package dev.tradewind.ledger.internal;

import java.util.ArrayList;
import java.util.List;

/** The statements behind GET /ledger, shared with the EXPLAIN test. */
public final class LedgerQueries {
    private LedgerQueries() {
    }

    public record Sql(String text, List<Object> params) {
    }

    /** @param before (entryId, line) of the last line of the previous page, or null */
    public static Sql linesSql(long accountId, String asset, long[] before, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT p.entry_id, p.line, p.kind, p.asset, p.amount, p.balance_after, e.reference, p.occurred_at
                FROM ledger_postings p JOIN ledger_entries e ON e.entry_id = p.entry_id
                WHERE p.account_id = ?""");
        List<Object> params = new ArrayList<>();
        params.add(accountId);
        if (asset != null) {
            sql.append(" AND p.asset = ?");
            params.add(asset);
        }
        if (before != null) {
            sql.append(" AND (p.entry_id, p.line) < (?, ?)");
            params.add(before[0]);
            params.add(before[1]);
        }
        sql.append(" ORDER BY p.entry_id DESC, p.line DESC LIMIT ?");
        params.add(limit);
        return new Sql(sql.toString(), params);
    }
}
