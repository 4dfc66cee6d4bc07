package dev.tradewind.trading;

import java.util.Optional;
import java.util.UUID;

/**
 * The engine account of each user (table {@code trading_accounts}). An account is created when the
 * user registers, or on first use for users from before; creation is race-safe.
 */
public interface TradingAccounts {
    /** The user's engine account id, created if the user has none yet. The user must exist. */
    long accountOf(UUID userId);

    /** The user's engine account id, without creating one. */
    Optional<Long> findAccount(UUID userId);

    /** The user of an engine account id (empty for the fee account 0 and unknown ids). */
    Optional<UUID> userOf(long accountId);
}
