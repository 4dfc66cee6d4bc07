package dev.tradewind.trading.internal;

import dev.tradewind.identity.UserRegistered;
import dev.tradewind.trading.TradingAccounts;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code trading_accounts}: user id to engine account id. Creation is one
 * {@code INSERT ... ON CONFLICT DO NOTHING} followed by a read, so concurrent first uses agree.
 * Mappings never change once created, so they are cached.
 */
@Service
public class JdbcTradingAccounts implements TradingAccounts {
    private final JdbcClient jdbc;
    private final Map<UUID, Long> byUser = new ConcurrentHashMap<>();
    private final Map<Long, UUID> byAccount = new ConcurrentHashMap<>();

    JdbcTradingAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every new user gets an account right away (after the registration committed). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onUserRegistered(UserRegistered event) {
        accountOf(event.userId());
    }

    @Override
    public long accountOf(UUID userId) {
        Long cached = byUser.get(userId);
        if (cached != null) {
            return cached;
        }
        jdbc.sql("INSERT INTO trading_accounts (user_id) VALUES (?) ON CONFLICT (user_id) DO NOTHING")
                .param(userId).update();
        return findAccount(userId).orElseThrow(() -> new IllegalStateException("account of " + userId + " vanished"));
    }

    @Override
    public Optional<Long> findAccount(UUID userId) {
        Long cached = byUser.get(userId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Long> found = jdbc.sql("SELECT account_id FROM trading_accounts WHERE user_id = ?").param(userId)
                .query(Long.class).optional();
        found.ifPresent(id -> remember(userId, id));
        return found;
    }

    @Override
    public Optional<UUID> userOf(long accountId) {
        UUID cached = byAccount.get(accountId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<UUID> found = jdbc.sql("SELECT user_id FROM trading_accounts WHERE account_id = ?").param(accountId)
                .query(UUID.class).optional();
        found.ifPresent(user -> remember(user, accountId));
        return found;
    }

    private void remember(UUID userId, long accountId) {
        byUser.put(userId, accountId);
        byAccount.put(accountId, userId);
    }
}
