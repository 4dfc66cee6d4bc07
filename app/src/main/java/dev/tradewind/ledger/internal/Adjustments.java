package dev.tradewind.ledger.internal;

import dev.tradewind.engine.command.AdjustBalance;
import dev.tradewind.engine.instrument.Asset;
import dev.tradewind.engine.instrument.DecimalConverter;
import dev.tradewind.engine.result.Result;
import dev.tradewind.platform.audit.AuditEvent;
import dev.tradewind.platform.audit.AuditLog;
import dev.tradewind.platform.web.ApiException;
import dev.tradewind.trading.PersistedSequence;
import dev.tradewind.trading.ReferenceData;
import dev.tradewind.trading.TradingAccounts;
import dev.tradewind.trading.TradingEngine;
import dev.tradewind.trading.TradingEngineStarted;
import dev.tradewind.trading.TradingProperties;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Balance adjustments, PostgreSQL-first: the request is recorded as PENDING under a unique
 * reference (and audited) in one transaction, then sent to the engine as an {@link AdjustBalance}
 * with that reference (the engine applies a reference once; a repeat answers the first outcome),
 * then marked APPLIED or REJECTED. A crash in between leaves it PENDING, and every start re-sends
 * the pending ones, so each adjustment reaches the engine exactly once. The ledger entry itself is
 * written by the persister from the engine's {@code BalanceAdjusted} event.
 */
@Service
public class Adjustments {
    static final String AUDIT_ACTION = "LEDGER_ADJUSTMENT";
    private static final Logger log = LoggerFactory.getLogger(Adjustments.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TradingEngine engine;
    private final TradingAccounts accounts;
    private final ReferenceData referenceData;
    private final PersistedSequence persisted;
    private final AuditLog audit;
    private final Duration wait;

    Adjustments(JdbcClient jdbc, PlatformTransactionManager transactions, TradingEngine engine, TradingAccounts accounts,
                ReferenceData referenceData, PersistedSequence persisted, AuditLog audit, TradingProperties trading) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.engine = engine;
        this.accounts = accounts;
        this.referenceData = referenceData;
        this.persisted = persisted;
        this.audit = audit;
        this.wait = trading.readYourWritesTimeout();
    }

    enum Kind { ADMIN, DEMO_FUNDING }

    record Outcome(String reference, String status, String rejectCode, long sequence) {
    }

    /**
     * Records an adjustment (PENDING) with its audit row, unless its reference exists already.
     *
     * @return false if the reference was already recorded
     */
    boolean record(String reference, Kind kind, UUID userId, Asset asset, BigDecimal amount, String reason,
                   UUID requestedBy) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            int inserted = jdbc.sql("""
                            INSERT INTO ledger_adjustments (reference, kind, user_id, asset, amount, reason, requested_by)
                            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (reference) DO NOTHING""")
                    .params(reference, kind.name(), userId, asset.code(), amount, reason, requestedBy).update();
            if (inserted == 0) {
                return false;
            }
            audit.record(AuditEvent.of(AUDIT_ACTION, AuditEvent.SUCCESS)
                    .withActor(requestedBy)
                    .withTarget(userId.toString())
                    .withDetail("reference", reference)
                    .withDetail("kind", kind.name())
                    .withDetail("asset", asset.code())
                    .withDetail("amount", amount.toPlainString())
                    .withDetail("reason", reason));
            return true;
        }));
    }

    /** Sends a recorded adjustment to the engine (again, if need be) and records the outcome. */
    Outcome apply(String reference) {
        var row = jdbc.sql("SELECT user_id, asset, amount, status FROM ledger_adjustments WHERE reference = ?")
                .param(reference)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getBigDecimal(3),
                        rs.getString(4)})
                .optional().orElseThrow(() -> new IllegalStateException("no adjustment " + reference));
        UUID userId = (UUID) row[0];
        Asset asset = referenceData.asset((String) row[1])
                .orElseThrow(() -> new IllegalStateException("adjustment " + reference + ": unknown asset " + row[1]));
        long minor = ((BigDecimal) row[2]).movePointRight(asset.scale()).longValueExact();
        long account = accounts.accountOf(userId);
        Result result = engine.execute(new AdjustBalance(reference, account, asset.id(), minor));
        if (result.accepted()) {
            jdbc.sql("""
                            UPDATE ledger_adjustments SET status = 'APPLIED', engine_sequence = ?, decided_at = now()
                            WHERE reference = ? AND status = 'PENDING'""")
                    .params(result.sequence(), reference).update();
            return new Outcome(reference, "APPLIED", null, result.sequence());
        }
        jdbc.sql("""
                        UPDATE ledger_adjustments SET status = 'REJECTED', reject_code = ?, decided_at = now()
                        WHERE reference = ? AND status = 'PENDING'""")
                .params(result.rejectCode().name(), reference).update();
        return new Outcome(reference, "REJECTED", result.rejectCode().name(), result.sequence());
    }

    /** The ledger entry of an applied adjustment, once the persister has stored it. */
    Optional<Long> entryId(Outcome outcome) {
        persisted.await(outcome.sequence(), wait);
        return jdbc.sql("SELECT entry_id FROM ledger_entries WHERE reference = ? AND type = 'ADJUSTMENT'")
                .param(outcome.reference()).query(Long.class).optional();
    }

    /** Re-sends every adjustment left PENDING by a crash or an engine outage. */
    @EventListener
    void onEngineStarted(TradingEngineStarted started) {
        applyPending();
    }

    public void applyPending() {
        List<String> pending = jdbc.sql("SELECT reference FROM ledger_adjustments WHERE status = 'PENDING' ORDER BY created_at")
                .query(String.class).list();
        for (String reference : pending) {
            try {
                Outcome outcome = apply(reference);
                log.info("Pending adjustment {} re-applied: {}{}", reference, outcome.status(),
                        outcome.rejectCode() == null ? "" : " " + outcome.rejectCode());
            } catch (ApiException e) {
                log.warn("Pending adjustment {} still pending: {}", reference, e.getMessage());
            }
        }
    }

    static ApiException rejected(String code) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, switch (code) {
            case "INSUFFICIENT_FUNDS" -> "The account's available balance is smaller than the debit.";
            case "BALANCE_OVERFLOW" -> "The credit would exceed the asset's maximum supply.";
            default -> "The engine refused the adjustment: " + code + ".";
        });
    }

}
