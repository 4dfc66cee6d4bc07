package dev.tradewind.trading;

import static dev.tradewind.trading.TradingApi.limit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.identity.TestApi.Session;
import dev.tradewind.ledger.internal.LedgerQueries;
import dev.tradewind.trading.internal.OrderQueries;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The API's statements, exactly as they run with their parameters, are served by indexes (with
 * sequential scans disabled, a plan without one proves an index fits; tables this small would
 * otherwise be scanned) and lookups by id or cursor search only the partitions they must.
 */
class ExplainIT extends TradingIntegrationTest {
    private static final Pattern PARTITION = Pattern.compile("\\b(orders|fills|trades)_y(\\d{4})m(\\d{2})\\b");

    @Autowired
    OrderQueries queries;
    @Autowired
    TradingAccounts accounts;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void apiQueriesUseIndexesAndPrunePartitions() {
        Session buyer = api.fundedTrader("USD", "10000");
        Session seller = api.fundedTrader("SOL", "10");
        long orderId = api.placed(buyer, limit("SOL-USD", "BUY", "2", "100.000")).get("orderId").asLong();
        api.placed(seller, limit("SOL-USD", "SELL", "1", "100.000"));
        long account = accounts.findAccount(buyer.userId()).orElseThrow();
        Instant[] month = queries.monthOf(orderId).orElseThrow();
        YearMonth orderMonth = YearMonth.from(month[0].atOffset(ZoneOffset.UTC));

        String byId = plan(queries.findSql(account, orderId, month[0], month[1]));
        assertThat(byId).contains("Index").doesNotContain("Seq Scan");
        assertThat(partitions(byId)).as(byId).containsExactly("orders_" + suffix(orderMonth));

        for (OrderQueries.Sql list : List.of(
                queries.listSql(account, true, null, null, null, 100),
                queries.listSql(account, false, null, null, null, 100),
                queries.listSql(account, false, "SOL-USD", null, null, 100),
                queries.listSql(account, true, "SOL-USD", null, null, 100))) {
            String plan = plan(list);
            assertThat(plan).as(list.text()).contains("Index").doesNotContain("Seq Scan");
        }
        String page = plan(queries.listSql(account, false, null, orderId, month[1], 100));
        assertThat(page).contains("Index").doesNotContain("Seq Scan");
        assertThat(partitions(page)).as("no partition after the cursor's month: " + page)
                .allMatch(p -> !monthOf(p).isAfter(orderMonth));

        String fillsOfOrders = plan(queries.fillsOfOrdersSql(account, new Long[] {orderId}, month[0]));
        assertThat(fillsOfOrders).contains("Index").doesNotContain("Seq Scan");
        assertThat(partitions(fillsOfOrders)).as("no partition before the orders' month: " + fillsOfOrders)
                .isNotEmpty().allMatch(p -> !monthOf(p).isBefore(orderMonth));

        for (OrderQueries.Sql fills : List.of(queries.fillsSql(account, null, null, 100),
                queries.fillsSql(account, "SOL-USD", 5L, 100))) {
            assertThat(plan(fills)).as(fills.text()).contains("Index").doesNotContain("Seq Scan");
        }

        for (LedgerQueries.Sql ledger : List.of(LedgerQueries.linesSql(account, null, null, 100),
                LedgerQueries.linesSql(account, "USD", new long[] {1000, 2}, 100))) {
            String plan = plan(new OrderQueries.Sql(ledger.text(), ledger.params()));
            assertThat(plan).as(ledger.text()).contains("Index").doesNotContain("Seq Scan");
        }
    }

    @Autowired
    dev.tradewind.trading.internal.PartitionMaintenance partitionMaintenance;

    @Test
    void monthlyPartitionsAreCreatedAheadIdempotently() {
        YearMonth future = YearMonth.of(2031, 11);
        assertThat(partitionMaintenance.ensure(future, 3)).isEqualTo(9); // 3 months x orders, trades, fills
        assertThat(partitionMaintenance.ensure(future, 3)).isZero();
        assertThat(jdbc.queryForList("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'orders' AND c.relname LIKE 'orders_y203%'
                ORDER BY 1""", String.class))
                .containsExactly("orders_y2031m11", "orders_y2031m12", "orders_y2032m01");
        partitionMaintenance.check();
        YearMonth ahead = YearMonth.now(ZoneOffset.UTC).plusMonths(3);
        assertThat(jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class,
                "trades_" + suffix(ahead))).isTrue();
    }

    private String plan(OrderQueries.Sql sql) {
        return new TransactionTemplate(transactions).execute(status -> {
            jdbc.execute("SET LOCAL enable_seqscan = off");
            List<Map<String, Object>> rows = jdbc.queryForList("EXPLAIN " + sql.text(), sql.params().toArray());
            StringBuilder out = new StringBuilder();
            rows.forEach(r -> out.append(r.values().iterator().next()).append('\n'));
            return out.toString();
        });
    }

    private static Set<String> partitions(String plan) {
        Set<String> names = new TreeSet<>();
        Matcher m = PARTITION.matcher(plan);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    private static YearMonth monthOf(String partition) {
        Matcher m = PARTITION.matcher(partition);
        assertThat(m.matches()).isTrue();
        return YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    private static String suffix(YearMonth month) {
        return "y%04dm%02d".formatted(month.getYear(), month.getMonthValue());
    }
}
