/**
 * The double-entry ledger of every movement of money in the engine.
 *
 * <p>Entries ({@code ledger_entries}) and their postings ({@code ledger_postings}) are written by
 * the trading persister's transaction through {@code LedgerWriter}: deposits, withdrawals and
 * adjustments against the external "world" accounts (-1 deposits, -2 withdrawals, -3 adjustments),
 * trades as base and quote legs plus fees to the fee account 0. Postings sum to zero per asset and
 * entry, checked in code and by a deferred constraint trigger; entries and postings are append-only.
 * A balance is the sum of its postings ({@code ledger_balances} keeps it running).
 *
 * <p>Adjustments (POST /api/v1/admin/adjustments, and demo funding) are PostgreSQL-first: recorded
 * PENDING under a unique reference, applied to the engine idempotently by that reference, marked
 * APPLIED/REJECTED; pending ones are re-applied at every start. The {@link dev.tradewind.ledger.Reconciler}
 * compares the ledger with the engine at one engine sequence every {@code tradewind.ledger.reconcile-interval}
 * (default 60s) and raises {@link dev.tradewind.ledger.LedgerMismatchDetected} on any difference.
 * Configuration: {@link dev.tradewind.ledger.LedgerProperties}.
 */
package dev.tradewind.ledger;
