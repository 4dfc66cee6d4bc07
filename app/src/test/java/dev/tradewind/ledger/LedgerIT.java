package dev.tradewind.ledger;

import static dev.tradewind.trading.TradingApi.limit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewind.identity.TestApi.Response;
import dev.tradewind.identity.TestApi.Session;
import dev.tradewind.trading.TradingAccounts;
import dev.tradewind.trading.TradingIntegrationTest;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@RecordApplicationEvents
class LedgerIT extends TradingIntegrationTest {
    @Autowired
    Reconciler reconciler;
    @Autowired
    TradingAccounts accounts;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ApplicationEvents events;

    @Test
    void theDatabaseRejectsAnUnbalancedEntryAndEditsOfPostings() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            Long entry = jdbc.queryForObject("""
                    INSERT INTO ledger_entries (sequence, event_index, type, reference, occurred_at)
                    VALUES (-10, 0, 'ADJUSTMENT', 'test:unbalanced', now()) RETURNING entry_id""", Long.class);
            jdbc.update("""
                    INSERT INTO ledger_postings (entry_id, line, account_id, asset, amount, balance_after, kind, sequence,
                                                 occurred_at)
                    VALUES (?, 0, 1, 'USD', 10, 10, 'ADJUSTMENT', -10, now()),
                           (?, 1, -3, 'USD', -9.99, -9.99, 'ADJUSTMENT', -10, now())""", entry, entry);
        })).isInstanceOf(DataAccessException.class).hasMessageContaining("does not balance");

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            Long entry = jdbc.queryForObject("""
                    INSERT INTO ledger_entries (sequence, event_index, type, reference, occurred_at)
                    VALUES (-11, 0, 'ADJUSTMENT', 'test:single', now()) RETURNING entry_id""", Long.class);
            jdbc.update("""
                    INSERT INTO ledger_postings (entry_id, line, account_id, asset, amount, balance_after, kind, sequence,
                                                 occurred_at)
                    VALUES (?, 0, 1, 'USD', 10, 10, 'ADJUSTMENT', -11, now()),
                           (?, 1, 1, 'BTC', -10, -10, 'ADJUSTMENT', -11, now())""", entry, entry);
        })).isInstanceOf(DataAccessException.class).hasMessageContaining("does not balance");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_entries WHERE sequence < 0", Integer.class)).isZero();

        api.fundedTrader("USD", "5");
        assertThatThrownBy(() -> jdbc.update("UPDATE ledger_postings SET amount = amount * 2"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM ledger_entries"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
    }

    @Test
    void theReconcilerAgreesWithTheEngineAndReportsAnyDifference() {
        Session buyer = api.fundedTrader("USD", "50000");
        Session seller = api.fundedTrader("ETH", "10");
        api.placed(buyer, limit("ETH-USD", "BUY", "3", "2500.00"));
        api.placed(seller, limit("ETH-USD", "SELL", "2", "2400.00"));
        Reconciler.Report ok = reconciler.reconcile();
        assertThat(ok.complete()).isTrue();
        assertThat(ok.differences()).isEmpty();
        assertThat(ok.balances()).isGreaterThanOrEqualTo(5); // buyer USD+ETH, seller ETH+USD, fees USD
        assertThat(events.stream(LedgerMismatchDetected.class)).isEmpty();

        // money that the engine never saw appears in PostgreSQL: a balanced but false entry
        long account = accounts.findAccount(buyer.userId()).orElseThrow();
        insertEntry(-20, account, "7");
        try {
            Reconciler.Report mismatch = reconciler.reconcile();
            assertThat(mismatch.differences()).hasSize(1);
            LedgerMismatchDetected.Difference difference = mismatch.differences().getFirst();
            assertThat(difference.accountId()).isEqualTo(account);
            assertThat(difference.asset()).isEqualTo("USD");
            assertThat(difference.ledger().subtract(difference.engine())).isEqualByComparingTo("7");
            assertThat(events.stream(LedgerMismatchDetected.class)).hasSize(1);
        } finally {
            insertEntry(-21, account, "-7"); // reverses it, so the shared database agrees again
        }
        assertThat(reconciler.reconcile().agrees()).isTrue();
    }

    @Test
    void adjustmentsAreRecordedFirstAppliedOnceAndAudited() {
        Session trader = api.newTrader();
        Response credited = api.adjust(trader.userId(), "BTC", "1.5");
        assertThat(credited.status()).as(credited.body()).isEqualTo(201);
        long entryId = credited.json().get("entryId").asLong();
        String reference = credited.json().get("reference").asString();
        assertThat(jdbc.queryForObject("SELECT status FROM ledger_adjustments WHERE reference = ?", String.class,
                reference)).isEqualTo("APPLIED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'LEDGER_ADJUSTMENT' AND details->>'reference' = ?",
                Integer.class, reference)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT sum(amount) FROM ledger_postings WHERE entry_id = ? AND account_id = -3",
                BigDecimal.class, entryId)).isEqualByComparingTo("-1.5");
        Response debit = api.adjust(trader.userId(), "BTC", "-0.5");
        assertThat(debit.status()).isEqualTo(201);
        assertThat(api.totals(trader).get("BTC")).isEqualByComparingTo("1");
        assertThat(api.get(trader, "/api/v1/ledger?asset=BTC").json().get(0).get("balanceAfter").asString())
                .isEqualTo("1.00000000");

        // a PENDING adjustment left by a crash is applied once by the re-apply at start, and only once
        jdbc.update("""
                INSERT INTO ledger_adjustments (reference, kind, user_id, asset, amount, reason)
                VALUES ('adj:test-pending', 'ADMIN', ?, 'USD', 42, 'left pending')""", trader.userId());
        adjustments.applyPending();
        adjustments.applyPending();
        awaitPersisted();
        assertThat(api.totals(trader).get("USD")).isEqualByComparingTo("42");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_entries WHERE reference = 'adj:test-pending'",
                Integer.class)).isEqualTo(1);
    }

    @Autowired
    dev.tradewind.ledger.internal.Adjustments adjustments;

    private void insertEntry(long sequence, long account, String amount) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            Long entry = jdbc.queryForObject("""
                    INSERT INTO ledger_entries (sequence, event_index, type, reference, occurred_at)
                    VALUES (?, 0, 'ADJUSTMENT', 'test:out-of-band', now()) RETURNING entry_id""", Long.class, sequence);
            jdbc.update("""
                    INSERT INTO ledger_postings (entry_id, line, account_id, asset, amount, balance_after, kind, sequence,
                                                 occurred_at)
                    VALUES (?, 0, ?, 'USD', ?::numeric, 0, 'ADJUSTMENT', 0, now()),
                           (?, 1, -3, 'USD', -?::numeric, 0, 'ADJUSTMENT', 0, now())""",
                    entry, account, amount, entry, amount);
        });
    }
}
