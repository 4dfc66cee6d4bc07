package dev.tradewind.identity;

import java.util.UUID;

/**
 * Published at each start in demo mode, after the demo user exists with its current password.
 * The hook for funding demo balances: the ledger/engine listens to this and credits the account
 * (idempotently, since it fires on every start).
 */
public record DemoUserProvisioned(UUID userId) {
}
