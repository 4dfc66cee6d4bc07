package dev.tradewind.platform.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Says in client terms why a request body could not be read: which field, what was expected, where
 * the JSON broke. Built from the parser's structured data only, never from exception messages, which
 * name Java classes.
 */
final class UnreadableBody {
    /** @param violation the field at fault, when there is one */
    record Explanation(String detail, FieldViolation violation) {
    }

    private UnreadableBody() {
    }

    static Explanation explain(HttpMessageNotReadableException e) {
        JacksonException json = find(e, JacksonException.class);
        if (json == null) {
            // Spring's own message for an absent body; anything else from a non-JSON converter
            return new Explanation(e.getCause() == null ? "The request body is missing or empty."
                    : "The request body could not be read.", null);
        }
        String field = path(json.getPath());
        return switch (json) {
            case StreamConstraintsException _ ->
                    new Explanation("The JSON body exceeds the parser's limits (nesting depth, number or string length).", null);
            case UnexpectedEndOfInputException _ -> new Explanation("Malformed JSON: the body ends unexpectedly.", null);
            case StreamReadException read -> new Explanation("Malformed JSON" + at(read.getLocation()) + ".", null);
            case PropertyBindingException _ -> fieldProblem(field, "is not a known field", "Unknown field '%s'.");
            case InvalidNullException _ -> fieldProblem(field, "must not be null", "Field '%s' must not be null.");
            case MismatchedInputException mismatch -> mismatch(field, mismatch);
            default -> new Explanation(field.isEmpty() ? "The request body has an invalid value."
                    : "Field '" + field + "' has an invalid value.", field.isEmpty() ? null
                    : new FieldViolation(field, "has an invalid value"));
        };
    }

    private static Explanation mismatch(String field, MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        String expected = expected(target);
        if (field.isEmpty()) {
            return new Explanation("The request body must be " + expected + ".", null);
        }
        String message = "must be " + expected;
        if (e instanceof InvalidFormatException && target != null && target.isEnum()) {
            message = "must be one of " + enumNames(target);
        }
        return new Explanation("Field '" + field + "' " + message + ".", new FieldViolation(field, message));
    }

    private static Explanation fieldProblem(String field, String message, String detailFormat) {
        if (field.isEmpty()) {
            return new Explanation("The request body is invalid.", null);
        }
        return new Explanation(detailFormat.formatted(field), new FieldViolation(field, message));
    }

    /** A JSON-side description of a Java type: what a client has to send. */
    static String expected(Class<?> t) {
        if (t == null) {
            return "a valid value";
        }
        if (t.isEnum()) {
            return "one of " + enumNames(t);
        }
        if (t == String.class || t == char.class || t == Character.class) {
            return "a string";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == int.class || t == long.class || t == short.class || t == byte.class || t == Integer.class
                || t == Long.class || t == Short.class || t == Byte.class || t == BigInteger.class) {
            return "an integer";
        }
        if (t == BigDecimal.class) {
            return "a decimal number as a string, e.g. \"42.50\"";
        }
        if (t == double.class || t == float.class || t == Double.class || t == Float.class
                || Number.class.isAssignableFrom(t)) {
            return "a number";
        }
        if (t == LocalDate.class) {
            return "an ISO-8601 date, e.g. \"2026-01-31\"";
        }
        if (Temporal.class.isAssignableFrom(t)) {
            return "an ISO-8601 timestamp, e.g. \"2026-01-31T12:00:00Z\"";
        }
        if (t == UUID.class) {
            return "a UUID";
        }
        if (t.isArray() || Collection.class.isAssignableFrom(t)) {
            return "an array";
        }
        return "an object"; // records, maps and beans
    }

    private static String enumNames(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code orders[2].price} from Jackson's reference chain. */
    static String path(List<JacksonException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : references) {
            if (ref.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
