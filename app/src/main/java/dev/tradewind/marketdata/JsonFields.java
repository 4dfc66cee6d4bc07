package dev.tradewind.marketdata;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading venue and replay JSON exactly: numbers are kept as {@code BigDecimal} (never
 * {@code double}) and handed on as decimal text for the engine's exact parsers.
 */
public final class JsonFields {
    /** A mapper that reads floating-point numbers as {@code BigDecimal}. Thread-safe. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private JsonFields() {
    }

    /** The field as decimal text ({@code "42000.50"}), or null when absent or null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isNumber()) {
            return value.isIntegralNumber() ? value.asString() : value.decimalValue().toPlainString();
        }
        return value.isString() ? value.stringValue() : value.toString();
    }
}
