package dev.tradewind.trading.internal;

import dev.tradewind.engine.command.Command;
import dev.tradewind.engine.command.ConfigureFeeTier;
import dev.tradewind.engine.command.SetAccountFeeTier;
import dev.tradewind.engine.core.MatchingEngine;
import dev.tradewind.engine.result.Result;
import dev.tradewind.engine.risk.FeeTier;
import dev.tradewind.identity.Tier;
import dev.tradewind.identity.User;
import dev.tradewind.identity.UserDirectory;
import dev.tradewind.identity.UserRegistered;
import dev.tradewind.trading.TierFeeProperties;
import dev.tradewind.trading.TradingAccounts;
import dev.tradewind.trading.TradingEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Fees by commercial tier: the engine's fee tier of each account follows its user's {@link Tier}
 * (BASIC → engine tier 0, whose rates {@code TradingStartup} sets from {@code tradewind.trading.*-fee-bps};
 * PRO → 1; ENTERPRISE → 2, rates from {@link TierFeeProperties}). At every start the PRO and ENTERPRISE
 * rates are (re)applied and every account whose engine tier differs from its user's tier is moved
 * (one query over {@code trading_accounts} and {@code users}), so a tier changed in the database takes
 * effect at the next start at the latest; a new user gets its tier as soon as the registration commits.
 * The engine applies a tier to orders placed after the change (resting orders keep their rates).
 */
@Component
class TierFees implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(TierFees.class);

    private final TradingEngine engine;
    private final TradingAccounts accounts;
    private final UserDirectory users;
    private final JdbcClient jdbc;
    private final TierFeeProperties properties;
    private volatile boolean running;

    TierFees(TradingEngine engine, TradingAccounts accounts, UserDirectory users, JdbcClient jdbc,
             TierFeeProperties properties) {
        this.engine = engine;
        this.accounts = accounts;
        this.users = users;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    static int engineTier(Tier tier) {
        return switch (tier) {
            case BASIC -> 0;
            case PRO -> 1;
            case ENTERPRISE -> 2;
        };
    }

    @Override
    public void start() {
        configure(engineTier(Tier.PRO), properties.proMakerBps(), properties.proTakerBps());
        configure(engineTier(Tier.ENTERPRISE), properties.enterpriseMakerBps(), properties.enterpriseTakerBps());
        synchronizeAll();
        running = true;
    }

    private void configure(int tier, int makerBps, int takerBps) {
        FeeTier current = engine.query(m -> m.feeTiers().stream().filter(t -> t.tier() == tier).findFirst().orElse(null));
        if (current == null || current.makerBps() != makerBps || current.takerBps() != takerBps) {
            execute(new ConfigureFeeTier(tier, makerBps, takerBps));
            log.info("Fee tier {} set to maker {} bps, taker {} bps", tier, makerBps, takerBps);
        }
    }

    /** Moves every account whose engine fee tier differs from its user's tier; returns how many moved. */
    int synchronizeAll() {
        record AccountTier(long accountId, Tier tier) {
        }
        List<AccountTier> wanted = jdbc.sql("""
                        SELECT a.account_id, u.tier
                          FROM trading_accounts a JOIN users u ON u.id = a.user_id""")
                .query((rs, n) -> new AccountTier(rs.getLong(1), Tier.valueOf(rs.getString(2))))
                .list();
        Map<Long, Integer> inEngine = engine.query(m -> {
            Map<Long, Integer> tiers = new HashMap<>();
            for (long id : m.accountIds()) {
                tiers.put(id, m.feeTier(id));
            }
            return tiers;
        });
        int moved = 0;
        for (AccountTier account : wanted) {
            int tier = engineTier(account.tier());
            if (account.accountId() != MatchingEngine.FEE_ACCOUNT_ID && inEngine.getOrDefault(account.accountId(), 0) != tier) {
                execute(new SetAccountFeeTier(account.accountId(), tier));
                moved++;
            }
        }
        if (moved > 0) {
            log.info("Fee tiers: moved {} accounts to their user's tier", moved);
        }
        return moved;
    }

    /** Puts the user's account in the fee tier of the user's current {@link Tier}. */
    void synchronize(UUID userId) {
        Tier tier = users.find(userId).map(User::tier).orElseThrow(() -> new IllegalArgumentException("no user " + userId));
        long account = accounts.accountOf(userId);
        int want = engineTier(tier);
        if (engine.<Integer>query(m -> m.feeTier(account)) != want) {
            execute(new SetAccountFeeTier(account, want));
        }
    }

    /** New users are BASIC today; this keeps a registration with another tier right too. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onUserRegistered(UserRegistered event) {
        try {
            synchronize(event.userId());
        } catch (RuntimeException e) {
            log.error("Could not set the fee tier of new user {}; it is set at the next start", event.userId(), e);
        }
    }

    private void execute(Command command) {
        Result result = engine.execute(command);
        if (!result.accepted()) {
            throw new IllegalStateException("The engine refused " + command + ": " + result.rejectCode());
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Right after the engine and before {@code TradingStartup} opens trading. */
    @Override
    public int getPhase() {
        return TradingEngine.PHASE + 1000;
    }
}
