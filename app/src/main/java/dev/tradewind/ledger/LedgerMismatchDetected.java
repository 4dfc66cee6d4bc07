package dev.tradewind.ledger;

import java.math.BigDecimal;
import java.util.List;

/**
 * Alert: at engine sequence {@code sequence}, PostgreSQL's ledger balances differ from the engine's.
 * Published by the reconciler (in-process application event) with every differing balance.
 */
public record LedgerMismatchDetected(long sequence, List<Difference> differences) {

    /** One account's balance of one asset: what the ledger's postings sum to, and what the engine holds. */
    public record Difference(long accountId, String asset, BigDecimal ledger, BigDecimal engine) {
    }
}
