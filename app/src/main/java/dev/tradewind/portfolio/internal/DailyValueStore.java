package dev.tradewind.portfolio.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Daily portfolio values in PostgreSQL ({@code portfolio_daily_values}, {@code V7__portfolio.sql}). */
class DailyValueStore {
    private final JdbcClient jdbc;

    DailyValueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the value unless the user already has one for that day; true when it was recorded. */
    boolean record(UUID userId, LocalDate day, BigDecimal value) {
        return jdbc.sql("""
                        INSERT INTO portfolio_daily_values (user_id, day, value_usd) VALUES (:user, :day, :value)
                        ON CONFLICT (user_id, day) DO NOTHING""")
                .param("user", userId).param("day", day).param("value", Decimals.stored(value))
                .update() == 1;
    }

    /** Users who have a value for {@code day}. */
    Set<UUID> recordedOn(LocalDate day) {
        return new HashSet<>(jdbc.sql("SELECT user_id FROM portfolio_daily_values WHERE day = :day")
                .param("day", day).query(UUID.class).list());
    }

    /** The user's values with {@code from <= day < until}, oldest first. */
    List<DailyValue> between(UUID userId, LocalDate from, LocalDate until) {
        return jdbc.sql("""
                        SELECT day, value_usd FROM portfolio_daily_values
                        WHERE user_id = :user AND day >= :from AND day < :until ORDER BY day""")
                .param("user", userId).param("from", from).param("until", until)
                .query((rs, n) -> new DailyValue(rs.getObject("day", LocalDate.class), rs.getBigDecimal("value_usd")))
                .list();
    }
}
