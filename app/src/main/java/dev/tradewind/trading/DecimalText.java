package dev.tradewind.trading;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Decimals arrive as JSON strings (API.md): a JSON number is refused rather than coerced, since a
 * client sending floats has probably already rounded. The text itself is checked later, exactly,
 * by the engine's {@code DecimalConverter}.
 */
public final class DecimalText extends ValueDeserializer<String> {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        return (String) context.handleUnexpectedToken(String.class, parser);
    }
}
