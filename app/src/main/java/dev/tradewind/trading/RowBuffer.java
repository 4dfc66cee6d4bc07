package dev.tradewind.trading;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Column-wise rows for one multi-row statement: {@code INSERT ... SELECT ... FROM unnest(?, ?, ...)}
 * binds one array per column, so a whole batch of rows costs one round trip and one statement.
 * Types are PostgreSQL element types: {@code bigint}, {@code int}, {@code text}, {@code numeric}
 * (bound as plain decimal strings), {@code bool}.
 */
public final class RowBuffer {
    private final String[] types;
    private final List<List<Object>> columns;
    private int rows;

    public RowBuffer(String... types) {
        this.types = types.clone();
        this.columns = new ArrayList<>(types.length);
        for (int i = 0; i < types.length; i++) {
            columns.add(new ArrayList<>());
        }
    }

    public void add(Object... values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException("expected " + types.length + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof BigDecimal decimal) {
                value = decimal.toPlainString();
            }
            columns.get(i).add(value);
        }
        rows++;
    }

    public int size() {
        return rows;
    }

    public boolean isEmpty() {
        return rows == 0;
    }

    /** Binds the columns as parameters 1..n. */
    public void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < types.length; i++) {
            List<Object> column = columns.get(i);
            Object[] array = switch (types[i]) {
                case "bigint" -> column.toArray(Long[]::new);
                case "int" -> column.toArray(Integer[]::new);
                case "bool" -> column.toArray(Boolean[]::new);
                default -> column.stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new);
            };
            statement.setArray(i + 1, statement.getConnection().createArrayOf(types[i], array));
        }
    }
}
