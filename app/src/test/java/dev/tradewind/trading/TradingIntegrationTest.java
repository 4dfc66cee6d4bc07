package dev.tradewind.trading;

import dev.tradewind.IntegrationTest;
import dev.tradewind.engine.command.CancelOrder;
import java.util.ArrayList;
import java.util.List;
import dev.tradewind.identity.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of trading and ledger ITs: one shared app (same properties, so Spring reuses the context)
 * with a bootstrap ADMIN that funds test users through POST /api/v1/admin/adjustments.
 */
@Import(FailureInjection.class)
@TestPropertySource(properties = {
        "tradewind.admin.email=" + TradingIntegrationTest.ADMIN_EMAIL,
        "tradewind.admin.password=" + TradingIntegrationTest.ADMIN_PASSWORD})
public abstract class TradingIntegrationTest extends IntegrationTest {
    public static final String ADMIN_EMAIL = "trading-admin@example.com";
    public static final String ADMIN_PASSWORD = "trading admin pass 1";

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected TradingEngine engine;
    @Autowired
    protected PersistedSequence persisted;

    protected TradingApi api;

    @BeforeEach
    void setUpApi() {
        api = new TradingApi(new TestApi(port), ADMIN_EMAIL, ADMIN_PASSWORD);
        emptyTheBooks();
    }

    /**
     * Test classes share one app and so one order book: cancels every open order left by earlier
     * tests (through the engine, as their owners would), so a crossing order meets only this test's.
     */
    protected void emptyTheBooks() {
        List<long[]> open = engine.query(m -> {
            List<long[]> orders = new ArrayList<>();
            m.forEachOpenOrder(o -> orders.add(new long[] {o.accountId(), o.orderId()}));
            return orders;
        });
        for (long[] order : open) {
            engine.execute(new CancelOrder(order[0], order[1]));
        }
        awaitPersisted();
    }

    /** Waits until the persister has stored everything the engine published so far. */
    protected void awaitPersisted() {
        long sequence = engine.publishedSequence();
        if (!persisted.await(sequence, java.time.Duration.ofSeconds(30))) {
            throw new AssertionError("persister did not reach sequence " + sequence + " (at " + persisted.current() + ")");
        }
    }
}
