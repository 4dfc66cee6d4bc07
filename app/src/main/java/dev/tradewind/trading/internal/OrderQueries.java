package dev.tradewind.trading.internal;

import dev.tradewind.engine.order.Liquidity;
import dev.tradewind.engine.order.OrderStatus;
import dev.tradewind.engine.order.OrderType;
import dev.tradewind.engine.order.Side;
import dev.tradewind.engine.order.TimeInForce;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reads behind the orders and fills endpoints. Every query is scoped by account (another user's
 * order is simply not found) and served by an index; lookups by order id first find the order's
 * month ({@code engine_months}) so that only one partition is searched.
 */
@Repository
public class OrderQueries {
    static final String OPEN_STATUSES = "('PENDING_TRIGGER', 'NEW', 'PARTIALLY_FILLED')";
    private static final String ORDER_COLUMNS = """
            order_id, client_order_id, symbol, side, type, time_in_force, price, stop_price, quantity,
            filled_quantity, average_fill_price, status, reject_code, created_at, updated_at""";
    private static final String FILL_COLUMNS = """
            trade_id, order_id, symbol, side, price, quantity, fee, fee_asset, liquidity, executed_at""";

    private final JdbcClient jdbc;

    OrderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** [start, end) of the month whose partition holds the order with this id, if any order could have it. */
    public Optional<Instant[]> monthOf(long orderId) {
        return jdbc.sql("SELECT month FROM engine_months WHERE first_sequence <= ? ORDER BY first_sequence DESC LIMIT 1")
                .param(orderId)
                .query((rs, n) -> {
                    LocalDate month = rs.getObject(1, LocalDate.class);
                    return new Instant[] {month.atStartOfDay().toInstant(ZoneOffset.UTC),
                            month.plusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC)};
                })
                .optional();
    }

    /** A statement and its parameters, as run (also what the EXPLAIN test checks). */
    public record Sql(String text, List<Object> params) {
    }

    /** The account's order with its fills. */
    public Optional<OrderView> find(long accountId, long orderId) {
        Optional<Instant[]> month = monthOf(orderId);
        if (month.isEmpty()) {
            return Optional.empty();
        }
        Sql sql = findSql(accountId, orderId, month.get()[0], month.get()[1]);
        Optional<OrderView> order = jdbc.sql(sql.text()).params(sql.params()).query(OrderQueries::order).optional();
        return order.map(o -> withFills(accountId, List.of(o)).getFirst());
    }

    public Sql findSql(long accountId, long orderId, Instant monthStart, Instant monthEnd) {
        return new Sql("SELECT " + ORDER_COLUMNS + """
                 FROM orders
                WHERE order_id = ? AND account_id = ? AND created_at >= ? AND created_at < ?""",
                List.of(orderId, accountId, timestamp(monthStart), timestamp(monthEnd)));
    }

    /**
     * The account's orders, newest first.
     *
     * @param before only orders with a smaller id (the cursor of the previous page), or null
     */
    public List<OrderView> list(long accountId, boolean openOnly, String symbol, Long before, int limit) {
        Sql sql = listSql(accountId, openOnly, symbol, before, before == null ? null : monthOf(before)
                .map(m -> m[1]).orElse(null), limit);
        List<OrderView> orders = jdbc.sql(sql.text()).params(sql.params()).query(OrderQueries::order).list();
        return withFills(accountId, orders);
    }

    /** @param beforeMonthEnd end of the cursor order's month: lets the planner skip later partitions */
    public Sql listSql(long accountId, boolean openOnly, String symbol, Long before, Instant beforeMonthEnd, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(ORDER_COLUMNS).append(" FROM orders WHERE account_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(accountId);
        if (openOnly) {
            sql.append(" AND status IN ").append(OPEN_STATUSES);
        }
        if (symbol != null) {
            sql.append(" AND symbol = ?");
            params.add(symbol);
        }
        if (before != null) {
            sql.append(" AND order_id < ?");
            params.add(before);
            if (beforeMonthEnd != null) {
                sql.append(" AND created_at < ?");
                params.add(timestamp(beforeMonthEnd));
            }
        }
        sql.append(" ORDER BY order_id DESC LIMIT ?");
        params.add(limit);
        return new Sql(sql.toString(), params);
    }

    private List<OrderView> withFills(long accountId, List<OrderView> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        Long[] ids = orders.stream().map(OrderView::orderId).toArray(Long[]::new);
        Instant oldest = orders.stream().map(OrderView::createdAt).min(Instant::compareTo).orElseThrow();
        Map<Long, List<FillView>> byOrder = new HashMap<>();
        Sql sql = fillsOfOrdersSql(accountId, ids, oldest);
        jdbc.sql(sql.text()).params(sql.params()).query(OrderQueries::fill).list()
                .forEach(f -> byOrder.computeIfAbsent(f.orderId(), k -> new ArrayList<>()).add(f));
        return orders.stream().map(o -> o.withFills(byOrder.getOrDefault(o.orderId(), List.of()))).toList();
    }

    /** Fills of some orders; none can be older than the oldest order, which prunes older partitions. */
    public Sql fillsOfOrdersSql(long accountId, Long[] orderIds, Instant oldestOrder) {
        return new Sql("SELECT " + FILL_COLUMNS + """
                 FROM fills
                WHERE order_id = ANY(?) AND account_id = ? AND executed_at >= ?
                ORDER BY trade_id""", List.of(orderIds, accountId, timestamp(oldestOrder)));
    }

    /** The account's fills, newest first; {@code before} is a trade id cursor or null. */
    public List<FillView> fills(long accountId, String symbol, Long before, int limit) {
        Sql sql = fillsSql(accountId, symbol, before, limit);
        return jdbc.sql(sql.text()).params(sql.params()).query(OrderQueries::fill).list();
    }

    public Sql fillsSql(long accountId, String symbol, Long before, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(FILL_COLUMNS).append(" FROM fills WHERE account_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(accountId);
        if (symbol != null) {
            sql.append(" AND symbol = ?");
            params.add(symbol);
        }
        if (before != null) {
            sql.append(" AND trade_id < ?");
            params.add(before);
        }
        sql.append(" ORDER BY trade_id DESC LIMIT ?");
        params.add(limit);
        return new Sql(sql.toString(), params);
    }

    private static OrderView order(ResultSet rs, int row) throws SQLException {
        return new OrderView(rs.getLong("order_id"), rs.getString("client_order_id"), rs.getString("symbol"),
                Side.valueOf(rs.getString("side")), OrderType.valueOf(rs.getString("type")),
                TimeInForce.valueOf(rs.getString("time_in_force")), rs.getBigDecimal("price"),
                rs.getBigDecimal("stop_price"), rs.getBigDecimal("quantity"), rs.getBigDecimal("filled_quantity"),
                rs.getBigDecimal("average_fill_price"), OrderStatus.valueOf(rs.getString("status")),
                rs.getString("reject_code"), List.of(), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static FillView fill(ResultSet rs, int row) throws SQLException {
        return new FillView(rs.getLong("trade_id"), rs.getLong("order_id"), rs.getString("symbol"),
                Side.valueOf(rs.getString("side")), rs.getBigDecimal("price"), rs.getBigDecimal("quantity"),
                rs.getBigDecimal("fee"), rs.getString("fee_asset"), Liquidity.valueOf(rs.getString("liquidity")),
                instant(rs, "executed_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
