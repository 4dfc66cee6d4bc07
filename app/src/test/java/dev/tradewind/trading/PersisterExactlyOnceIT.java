package dev.tradewind.trading;

import static dev.tradewind.trading.TradingApi.limit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.identity.TestApi.Session;
import dev.tradewind.ledger.Reconciler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The persister's transaction fails on several batches in a row while users trade: each failed batch
 * rolls back whole, the persister re-attaches from its checkpoint, and the engine replays from the
 * journal. In the end every trade is in PostgreSQL exactly once and the ledger equals the engine.
 */
class PersisterExactlyOnceIT extends TradingIntegrationTest {
    @Autowired
    FailureInjection.FailingWriter failures;
    @Autowired
    Reconciler reconciler;

    @Test
    void failedBatchesAreRetriedFromTheCheckpointWithoutLossOrDuplicates() throws Exception {
        Session buyer = api.fundedTrader("USD", "100000");
        Session seller = api.fundedTrader("SOL", "1000");
        for (int i = 0; i < 10; i++) {
            api.placed(buyer, limit("SOL-USD", "BUY", "5", "100.000"));
        }
        awaitPersisted();
        long tradesBefore = jdbc.queryForObject("SELECT count(*) FROM trades", Long.class);

        failures.arm(3);
        for (int i = 0; i < 10; i++) {
            api.placed(seller, limit("SOL-USD", "SELL", "5", "100.000"));
        }
        awaitPersisted();
        assertThat(failures.failed()).isEqualTo(3);

        long trades = jdbc.queryForObject("SELECT count(*) FROM trades", Long.class);
        assertThat(trades - tradesBefore).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT trade_id) FROM trades", Long.class)).isEqualTo(trades);
        assertThat(jdbc.queryForObject("SELECT max(trade_id) FROM trades", Long.class)).isEqualTo(trades);
        assertThat(EngineHistory.tradeCount(engine)).isEqualTo(trades);
        assertThat(api.get(buyer, "/api/v1/orders?status=open").json().size()).isZero();
        assertThat(api.get(buyer, "/api/v1/fills").json().size()).isEqualTo(10);
        assertThat(api.get(seller, "/api/v1/orders?status=all").json().size()).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_entries WHERE reference LIKE 'trade:%'", Long.class))
                .isEqualTo(trades);
        assertThat(reconciler.reconcile().agrees()).isTrue();
    }
}
