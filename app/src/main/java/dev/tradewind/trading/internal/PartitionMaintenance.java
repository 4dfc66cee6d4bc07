package dev.tradewind.trading.internal;

import dev.tradewind.trading.TradingProperties;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the monthly partitions of {@code orders}, {@code trades} and {@code fills} ready: the current
 * month and {@code tradewind.trading.partitions-ahead} months after it, checked at start and then
 * every {@code partition-check-interval} (SQL function {@code tradewind_ensure_monthly_partitions}).
 * The persister also ensures the month of any event it stores (a replay of an old journal).
 */
@Component
public class PartitionMaintenance {
    static final List<String> TABLES = List.of("orders", "trades", "fills");
    private static final Logger log = LoggerFactory.getLogger(PartitionMaintenance.class);

    private final JdbcTemplate jdbc;
    private final TradingProperties properties;
    private final Clock clock;

    PartitionMaintenance(JdbcTemplate jdbc, TradingProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** Ensures this month's partitions and the ones ahead. */
    public void check() {
        ensure(YearMonth.now(clock.withZone(ZoneOffset.UTC)), properties.partitionsAhead() + 1);
    }

    /** Ensures {@code months} monthly partitions of each table from {@code first} on; returns how many were created. */
    public int ensure(YearMonth first, int months) {
        int created = 0;
        for (String table : TABLES) {
            Integer n = jdbc.queryForObject("SELECT tradewind_ensure_monthly_partitions(?, ?::timestamptz, ?)",
                    Integer.class, table, first.atDay(1) + "T00:00:00Z", months);
            created += n == null ? 0 : n;
        }
        if (created > 0) {
            log.info("Created {} monthly partitions from {} on", created, first);
        }
        return created;
    }
}
