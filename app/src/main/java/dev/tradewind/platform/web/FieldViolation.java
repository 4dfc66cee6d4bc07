package dev.tradewind.platform.web;

/**
 * One entry of a problem's {@code errors} list.
 *
 * @param field   the field, query/path parameter or header, as the client spells it ({@code legs[0].price});
 *                null when the error concerns the request as a whole
 * @param message what is wrong with it, e.g. {@code must not be blank}
 */
public record FieldViolation(String field, String message) {
}
