package dev.tradewind.trading;

import static dev.tradewind.trading.TradingApi.limit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.TradewindApplication;
import dev.tradewind.identity.TestApi;
import dev.tradewind.identity.TestApi.Session;
import dev.tradewind.ledger.Reconciler;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The app restarted on the same data dir after its persister had stopped committing mid-stream (the
 * engine journaled commands that PostgreSQL never saw): at the next start the persister catches up
 * from its checkpoint, and open orders, balances and history are those of the engine, each trade
 * exactly once. The order book itself survives (a resting order of the first run still trades).
 */
class TradingRestartIT {
    private static final String ADMIN_EMAIL = "restart-admin@example.com";
    private static final String ADMIN_PASSWORD = "restart admin pass 1";

    @Test
    void aRestartCatchesUpWhatThePersisterMissedExactlyOnce() throws Exception {
        Path dataDir = Path.of("target/test-data/trading-restart-" + UUID.randomUUID());
        Session buyer;
        Session seller;
        Map<String, BigDecimal> buyerBalances;
        Map<String, BigDecimal> sellerBalances;
        Map<Long, Long> openInEngine = new TreeMap<>();
        long restingBid;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            TradingApi api = api(app);
            buyer = api.fundedTrader("USD", "100000");
            seller = api.fundedTrader("BTC", "3");
            restingBid = api.placed(buyer, limit("BTC-USD", "BUY", "1", "30000.00")).get("orderId").asLong();
            api.placed(buyer, limit("BTC-USD", "BUY", "0.5", "31000.00"));
            api.placed(seller, limit("BTC-USD", "SELL", "0.2", "31000.00"));

            // from here the persister's transactions fail: the engine goes on, PostgreSQL does not
            app.getBean(FailureInjection.FailingWriter.class).arm(Integer.MAX_VALUE);
            JsonNode taken = api.placed(seller, limit("BTC-USD", "SELL", "0.5", "30000.00"));
            assertThat(taken.get("status").asString()).isEqualTo("FILLED");
            api.placed(seller, limit("BTC-USD", "SELL", "0.25", "35000.00"));
            api.placed(buyer, limit("BTC-USD", "BUY", "0.1", "29000.00"));
            TradingEngine engine = app.getBean(TradingEngine.class);
            assertThat(app.getBean(PersistedSequence.class).current()).isLessThan(engine.publishedSequence());

            buyerBalances = api.balances(buyer, "total");
            sellerBalances = api.balances(seller, "total");
            engine.query(m -> {
                m.forEachOpenOrder(o -> openInEngine.put(o.orderId(), o.filledQuantity()));
                return null;
            });
            assertThat(openInEngine).hasSize(3);
        }

        try (ConfigurableApplicationContext app = start(dataDir)) {
            TradingApi api = api(app);
            TradingEngine engine = app.getBean(TradingEngine.class);
            assertThat(app.getBean(PersistedSequence.class).await(engine.publishedSequence(), Duration.ofSeconds(30)))
                    .isTrue();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

            assertThat(api.balances(buyer, "total")).isEqualTo(buyerBalances);
            assertThat(api.balances(seller, "total")).isEqualTo(sellerBalances);
            List<Long> open = new ArrayList<>();
            for (Session s : List.of(buyer, seller)) {
                api.get(s, "/api/v1/orders?status=open").json().forEach(o -> open.add(o.get("orderId").asLong()));
            }
            assertThat(open).containsExactlyInAnyOrderElementsOf(openInEngine.keySet());
            JsonNode bid = api.get(buyer, "/api/v1/orders/" + restingBid).json();
            assertThat(bid.get("status").asString()).isEqualTo("PARTIALLY_FILLED");
            assertThat(bid.get("filledQuantity").asString()).isEqualTo("0.20000");

            long trades = jdbc.queryForObject("SELECT count(*) FROM trades", Long.class);
            assertThat(trades).isEqualTo(3);
            assertThat(jdbc.queryForObject("SELECT max(trade_id) FROM trades", Long.class)).isEqualTo(trades);
            assertThat(EngineHistory.tradeCount(engine)).isEqualTo(trades);
            assertThat(api.get(buyer, "/api/v1/fills").json().size()).isEqualTo(3);
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM (SELECT 1 FROM ledger_postings GROUP BY entry_id, asset
                                          HAVING sum(amount) <> 0) u""", Integer.class)).isZero();
            assertThat(app.getBean(Reconciler.class).reconcile().agrees()).isTrue();

            // the book survived: the first run's resting bid trades now
            JsonNode sell = api.placed(seller, limit("BTC-USD", "SELL", "0.8", "30000.00"));
            assertThat(sell.get("status").asString()).isEqualTo("FILLED");
            assertThat(api.get(buyer, "/api/v1/orders/" + restingBid).json().get("status").asString())
                    .isEqualTo("FILLED");
        }
    }

    private static TradingApi api(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return new TradingApi(new TestApi(port), ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(TradewindApplication.class, FailureInjection.class).run(
                "--server.port=0",
                "--tradewind.data-dir=" + dataDir,
                "--tradewind.db.embedded-fsync=false",
                "--tradewind.demo=false",
                "--tradewind.admin.email=" + ADMIN_EMAIL,
                "--tradewind.admin.password=" + ADMIN_PASSWORD,
                "--tradewind.trading.read-your-writes-timeout=300ms",
                "--tradewind.rate-limit.auth=100000/1m",
                "--tradewind.rate-limit.anonymous=100000/1m",
                "--tradewind.rate-limit.basic=100000/1m");
    }
}
