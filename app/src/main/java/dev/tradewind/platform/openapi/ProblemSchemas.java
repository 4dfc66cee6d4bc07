package dev.tradewind.platform.openapi;

import dev.tradewind.platform.web.ErrorCodes;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The reusable {@code Problem} schema (RFC 9457 plus {@code code}, {@code requestId}, {@code errors}). */
final class ProblemSchemas {
    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "ProblemFieldError";

    private ProblemSchemas() {
    }

    static Schema<Object> problem() {
        return typed("object")
                .description("RFC 9457 problem details. Switch on `code`, not on `title` or `detail`.")
                .addProperty("type", typed("string").format("uri")
                        .description("URI identifying the problem type: https://tradewind.dev/problems/<code in kebab case>")
                        .example("https://tradewind.dev/problems/validation-failed"))
                .addProperty("title", typed("string").description("HTTP reason phrase").example("Bad Request"))
                .addProperty("status", typed("integer").format("int32").description("HTTP status").example(400))
                .addProperty("detail", typed("string").description("What went wrong, for humans")
                        .example("Invalid request: quantity must be greater than 0."))
                .addProperty("instance", typed("string").format("uri").description("Path of the request")
                        .example("/api/v1/orders"))
                .addProperty("code", typed("string").description("""
                        Stable machine-readable code, e.g. %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s"""
                        .formatted(ErrorCodes.VALIDATION_FAILED, ErrorCodes.MALFORMED_REQUEST, ErrorCodes.NOT_FOUND,
                                ErrorCodes.UNAUTHORIZED, ErrorCodes.FORBIDDEN, ErrorCodes.RATE_LIMITED,
                                ErrorCodes.PAYLOAD_TOO_LARGE, ErrorCodes.INSUFFICIENT_FUNDS,
                                ErrorCodes.INSTRUMENT_HALTED, ErrorCodes.IDEMPOTENCY_CONFLICT,
                                ErrorCodes.EMAIL_TAKEN, ErrorCodes.INTERNAL_ERROR))
                        .example(ErrorCodes.VALIDATION_FAILED))
                .addProperty("requestId", typed("string")
                        .description("Id of the request, as in the X-Request-Id header and the server logs")
                        .example("3f2b8c1e-5d4a-4f7e-9b1a-2c6d8e0f1a2b"))
                .addProperty("errors", typed("array").items(ref(FIELD_ERROR))
                        .description("Every invalid field, for VALIDATION_FAILED (and MALFORMED_REQUEST when a field is at fault)"))
                .required(List.of("type", "title", "status", "code"));
    }

    static Schema<Object> fieldError() {
        return typed("object")
                .addProperty("field", typed("string")
                        .description("Field, parameter or header as the client spells it; absent for the request as a whole")
                        .example("legs[0].price"))
                .addProperty("message", typed("string").example("must be greater than 0"))
                .required(List.of("message"));
    }

    static Schema<Object> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    /** Sets the type both ways, so the schema is right whether the document is OpenAPI 3.0 or 3.1. */
    @SuppressWarnings("unchecked")
    static Schema<Object> typed(String type) {
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        schema.setTypes(Set.of(type));
        return schema;
    }

    static Map<String, Object> fieldErrorExample(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
