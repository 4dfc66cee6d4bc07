package dev.tradewind.trading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.engine.core.MatchingEngine;
import dev.tradewind.identity.TestApi.Response;
import dev.tradewind.identity.TestApi.Session;
import dev.tradewind.ledger.Reconciler;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * 50 users trade at random at the same time (seeded, bounded: 40 orders each, about 10 % cancels).
 * Afterwards no balance is negative, every ledger entry sums to zero, PostgreSQL holds exactly the
 * engine's trades and open orders, and the reconciler finds the ledger equal to the engine.
 */
class ConcurrentTradingIT extends TradingIntegrationTest {
    private static final long SEED = Long.getLong("tradewind.test.seed", 20260131L);
    private static final int USERS = 50;
    private static final int ORDERS_PER_USER = 40;
    private static final String[][] MARKETS = {
            {"BTC-USD", "40000", "0.00001", "0.01"},
            {"ETH-USD", "2500", "0.0001", "0.01"},
            {"SOL-USD", "100", "0.01", "0.001"},
            {"AAPL-USD", "200", "0.001", "0.01"}};

    @Autowired
    Reconciler reconciler;

    @Test
    void fiftyUsersTradingAtRandomKeepTheBooksExact() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Session>> registering = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                registering.add(pool.submit(() -> api.fundedTrader("USD", "100000", "BTC", "2", "ETH", "20",
                        "SOL", "500", "AAPL", "200")));
            }
            List<Session> users = new ArrayList<>();
            for (Future<Session> f : registering) {
                users.add(f.get());
            }

            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<Future<?>> trading = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                Session user = users.get(u);
                Random random = new Random(SEED + u);
                trading.add(pool.submit(() -> trade(user, random, statuses)));
            }
            for (Future<?> f : trading) {
                f.get();
            }
            assertThat(statuses.keySet()).as("statuses seen: %s (seed %s)", statuses, SEED)
                    .allMatch(s -> s == 200 || s == 201 || s == 409 || s == 422);
            assertThat(statuses.get(201).get()).as("accepted orders").isGreaterThan(USERS * ORDERS_PER_USER / 2);
        } finally {
            pool.shutdownNow();
        }
        awaitPersisted();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_balances WHERE account_id >= 0 AND balance < 0",
                Integer.class)).as("negative balances in PostgreSQL").isZero();
        boolean nonNegative = engine.<Boolean>query(m -> {
            for (long account : m.accountIds()) {
                for (var b : m.balances(account)) {
                    if (b.total() < 0 || b.reserved() < 0 || b.available() < 0) {
                        return false;
                    }
                }
            }
            return true;
        });
        assertThat(nonNegative).as("engine balances all >= 0").isTrue();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT 1 FROM ledger_postings GROUP BY entry_id, asset HAVING sum(amount) <> 0) u""",
                Integer.class)).as("unbalanced entries").isZero();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM ledger_balances b
                WHERE balance <> (SELECT sum(amount) FROM ledger_postings p
                                  WHERE p.account_id = b.account_id AND p.asset = b.asset)""", Integer.class))
                .as("running balances equal the sum of postings").isZero();

        long trades = jdbc.queryForObject("SELECT count(*) FROM trades", Long.class);
        assertThat(trades).isGreaterThan(100);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT trade_id) FROM trades", Long.class)).isEqualTo(trades);
        assertThat(jdbc.queryForObject("SELECT max(trade_id) FROM trades", Long.class)).as("no gaps").isEqualTo(trades);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fills", Long.class)).isEqualTo(2 * trades);
        assertThat(EngineHistory.tradeCount(engine)).as("trades in the engine").isEqualTo(trades);

        Map<Long, BigDecimal> engineOpen = new ConcurrentHashMap<>();
        engine.query(m -> {
            m.forEachOpenOrder(o -> engineOpen.put(o.orderId(), BigDecimal.valueOf(o.filledQuantity())));
            return null;
        });
        List<Long> pgOpen = jdbc.queryForList("""
                SELECT order_id FROM orders WHERE status IN ('PENDING_TRIGGER', 'NEW', 'PARTIALLY_FILLED')""", Long.class);
        assertThat(pgOpen).containsExactlyInAnyOrderElementsOf(engineOpen.keySet());
        assertThat(engine.query(MatchingEngine::openOrderCount)).isEqualTo(pgOpen.size());

        Reconciler.Report report = reconciler.reconcile();
        assertThat(report.complete()).isTrue();
        assertThat(report.differences()).as("ledger vs engine at sequence %s", report.sequence()).isEmpty();
    }

    private void trade(Session user, Random random, Map<Integer, AtomicInteger> statuses) {
        List<Long> open = new ArrayList<>();
        for (int i = 0; i < ORDERS_PER_USER; i++) {
            Response r;
            if (!open.isEmpty() && random.nextInt(10) == 0) {
                r = api.delete(user, "/api/v1/orders/" + open.remove(random.nextInt(open.size())));
            } else {
                r = api.place(user, randomOrder(random));
                if (r.status() == 201) {
                    JsonNode order = r.json();
                    if (order.get("status").asString().equals("NEW")) {
                        open.add(order.get("orderId").asLong());
                    }
                }
            }
            statuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
            if (r.status() >= 500) {
                throw new AssertionError(r.body());
            }
        }
    }

    private static Map<String, Object> randomOrder(Random random) {
        String[] market = MARKETS[random.nextInt(MARKETS.length)];
        BigDecimal mid = new BigDecimal(market[1]);
        BigDecimal lot = new BigDecimal(market[2]);
        BigDecimal tick = new BigDecimal(market[3]);
        String side = random.nextBoolean() ? "BUY" : "SELL";
        // notional of roughly 50..1000 USD, in whole lots
        BigDecimal quantity = BigDecimal.valueOf(50 + random.nextInt(950)).divide(mid, 10, RoundingMode.DOWN)
                .divide(lot, 0, RoundingMode.DOWN).max(BigDecimal.TEN).multiply(lot);
        if (random.nextInt(5) == 0) {
            return TradingApi.market(market[0], side, quantity.toPlainString());
        }
        // within 1 % of the mid, so books cross often
        BigDecimal offset = mid.multiply(BigDecimal.valueOf(random.nextInt(201) - 100, 4));
        BigDecimal price = mid.add(offset).divide(tick, 0, RoundingMode.DOWN).multiply(tick);
        return TradingApi.limit(market[0], side, quantity.toPlainString(), price.toPlainString());
    }
}
