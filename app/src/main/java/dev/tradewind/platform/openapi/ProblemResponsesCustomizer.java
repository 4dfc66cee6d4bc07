package dev.tradewind.platform.openapi;

import dev.tradewind.platform.web.ErrorCodes;
import dev.tradewind.platform.web.Problems;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Documents the error responses every operation can give, as problem+json with an example:
 * 400 (operations with parameters or a body), 401 and 403 (operations that require
 * {@value OpenApiConfiguration#BEARER_AUTH}), 404 (paths with variables), 413 and 415 (operations
 * with a body), 429 (everything under {@code /api/}), 500 (all). Error responses a controller
 * declares itself (e.g. 409 {@code IDEMPOTENCY_CONFLICT}, 422 {@code INSUFFICIENT_FUNDS}) keep their
 * description and get the problem+json content if they lack it.
 */
final class ProblemResponsesCustomizer implements GlobalOpenApiCustomizer {
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String EXAMPLE_REQUEST_ID = "3f2b8c1e-5d4a-4f7e-9b1a-2c6d8e0f1a2b";

    @Override
    public void customise(OpenAPI openApi) {
        // here rather than on the OpenAPI bean: springdoc replaces the bean's schemas with the scanned ones
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents()
                .addSchemas(ProblemSchemas.PROBLEM, ProblemSchemas.problem())
                .addSchemas(ProblemSchemas.FIELD_ERROR, ProblemSchemas.fieldError());
        if (openApi.getPaths() == null) {
            return;
        }
        List<SecurityRequirement> global = openApi.getSecurity();
        openApi.getPaths().forEach((path, item) ->
                item.readOperationsMap().values().forEach(operation -> document(path, operation, global)));
    }

    private void document(String path, Operation operation, List<SecurityRequirement> global) {
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity() : global;
        boolean secured = security != null && !security.isEmpty();

        if (body || parameters) {
            addIfAbsent(responses, 400, path);
        }
        if (secured) {
            addIfAbsent(responses, 401, path);
            addIfAbsent(responses, 403, path);
        }
        if (path.contains("{")) {
            addIfAbsent(responses, 404, path);
        }
        if (body) {
            addIfAbsent(responses, 413, path);
            addIfAbsent(responses, 415, path);
        }
        if (path.startsWith("/api/")) {
            addIfAbsent(responses, 429, path);
        }
        addIfAbsent(responses, 500, path);

        // errors the controller declared itself: make sure they are documented as problem+json
        responses.forEach((code, response) -> {
            int status = parse(code);
            if (status >= 400 && response.get$ref() == null
                    && (response.getContent() == null || response.getContent().get(PROBLEM_JSON) == null)) {
                response.setContent(problemContent(status, path));
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription(description(status));
                }
            }
        });
    }

    private void addIfAbsent(ApiResponses responses, int status, String path) {
        String code = Integer.toString(status);
        if (responses.containsKey(code)) {
            return;
        }
        ApiResponse response = new ApiResponse().description(description(status)).content(problemContent(status, path));
        if (status == 429) {
            response.addHeaderObject("Retry-After", new Header()
                    .description("Seconds to wait before retrying").schema(ProblemSchemas.typed("integer")));
            response.addHeaderObject("X-RateLimit-Remaining", new Header()
                    .description("Requests left in the current window (0)").schema(ProblemSchemas.typed("integer")));
        }
        responses.addApiResponse(code, response);
    }

    private static Content problemContent(int status, String path) {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType()
                .schema(ProblemSchemas.ref(ProblemSchemas.PROBLEM))
                .example(example(status, path)));
    }

    static String description(int status) {
        return switch (status) {
            case 400 -> "Invalid request: VALIDATION_FAILED (with `errors`) or MALFORMED_REQUEST (unreadable body)";
            case 401 -> "UNAUTHORIZED: missing, expired or invalid access token";
            case 403 -> "FORBIDDEN: authenticated, but the role does not allow this";
            case 404 -> "NOT_FOUND: no such resource (or not yours)";
            case 409 -> "Conflict with the current state, e.g. IDEMPOTENCY_CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE: the body exceeds the size limit";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE: send application/json";
            case 422 -> "Rejected by a business rule; see `code`";
            case 429 -> "RATE_LIMITED: too many requests; wait Retry-After seconds";
            case 500 -> "INTERNAL_ERROR: unexpected server error; quote `requestId` when reporting it";
            default -> "Error (" + status + ")";
        };
    }

    static Map<String, Object> example(int status, String path) {
        String code = switch (status) {
            case 400 -> ErrorCodes.VALIDATION_FAILED;
            case 422 -> ErrorCodes.INSUFFICIENT_FUNDS;
            case 409 -> ErrorCodes.IDEMPOTENCY_CONFLICT;
            default -> ErrorCodes.forStatus(status);
        };
        String detail = switch (status) {
            case 400 -> "Invalid request: quantity must be greater than 0.";
            case 401 -> "A valid access token is required.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "Not found.";
            case 409 -> "This Idempotency-Key was used with a different request body.";
            case 413 -> "The request body exceeds the limit of 1 MiB.";
            case 415 -> "Content type 'text/plain' is not supported. Use application/json.";
            case 422 -> "Not enough available balance for this order.";
            case 429 -> "Rate limit of 300 requests per 1m exceeded; retry in 12 s.";
            case 500 -> "An unexpected error occurred. Quote request id " + EXAMPLE_REQUEST_ID + " when you report it.";
            default -> "The request failed.";
        };
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", Problems.TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        example.put("title", reason(status));
        example.put("status", status);
        example.put("detail", detail);
        example.put("instance", path);
        example.put("code", code);
        example.put("requestId", EXAMPLE_REQUEST_ID);
        if (status == 400) {
            example.put("errors", List.of(ProblemSchemas.fieldErrorExample("quantity", "must be greater than 0")));
        }
        return example;
    }

    private static String reason(int status) {
        org.springframework.http.HttpStatus resolved = org.springframework.http.HttpStatus.resolve(status);
        return resolved == null ? "Error" : resolved.getReasonPhrase();
    }

    private static int parse(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return -1; // "default" or a range like "4XX": not ours to rewrite
        }
    }
}
