package dev.tradewind.platform.idempotency;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents {@code Idempotency-Key} on every POST operation whose path matches
 * {@code tradewind.idempotency.paths}: the optional header parameter, the 409
 * {@code IDEMPOTENCY_CONFLICT} response and the {@code Idempotency-Replayed} header of replays.
 */
final class IdempotencyOperationCustomizer implements OperationCustomizer {
    static final String DESCRIPTION = """
            Optional. Makes a retry safe: 1 to 128 printable ASCII characters (a UUID is ideal), unique per \
            request you mean to make, scoped to you (or, signed out, your IP address), this method and path. \
            The first request with a key runs and its response is remembered for %s. Sending the same key \
            with the same body again returns that response byte for byte, with the header \
            `Idempotency-Replayed: true`, without running the request again. The same key with a different \
            body is 409 `IDEMPOTENCY_CONFLICT`; so is a duplicate sent while the first is still running \
            (with `Retry-After: 1`: retry to get its response). A first request that fails with a 5xx \
            frees the key, so a retry runs again; 4xx responses are remembered and replayed like successes. \
            Without the header the request runs every time it is sent.""";

    private final IdempotentPaths paths;
    private final String description;

    IdempotencyOperationCustomizer(IdempotentPaths paths, String ttl) {
        this.paths = paths;
        this.description = DESCRIPTION.formatted(ttl);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        if (!idempotentPost(handlerMethod)) {
            return operation;
        }
        boolean present = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> IdempotencyFilter.KEY_HEADER.equalsIgnoreCase(p.getName()) && "header".equals(p.getIn()));
        if (!present) {
            operation.addParametersItem(new HeaderParameter()
                    .name(IdempotencyFilter.KEY_HEADER)
                    .required(false)
                    .description(description)
                    .schema(string().minLength(1).maxLength(128).pattern("^[\\x20-\\x7E]{1,128}$"))
                    .example("5f0c9a7e-3b1d-4c7a-9e2f-8d6b1a2c3e4f"));
        }
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        if (!responses.containsKey("409")) {
            responses.addApiResponse("409", new ApiResponse().description(
                    "IDEMPOTENCY_CONFLICT: the Idempotency-Key was used with another body, or its first request "
                            + "is still in progress (then with Retry-After)"));
        }
        responses.forEach((code, response) -> {
            if (code.startsWith("2") && response.get$ref() == null) {
                response.addHeaderObject(IdempotencyFilter.REPLAYED_HEADER, new Header()
                        .description("`true` when this is the stored response of an earlier request with the "
                                + "same Idempotency-Key; absent otherwise")
                        .schema(string()));
            }
        });
        return operation;
    }

    private boolean idempotentPost(HandlerMethod handlerMethod) {
        RequestMapping onMethod = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), RequestMapping.class);
        if (onMethod == null) {
            return false;
        }
        RequestMapping onType = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getBeanType(), RequestMapping.class);
        if (!allowsPost(onMethod) || (onType != null && !allowsPost(onType))) {
            return false;
        }
        for (String path : paths(onType, onMethod)) {
            if (paths.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allowsPost(RequestMapping mapping) {
        return mapping.method().length == 0 || Arrays.asList(mapping.method()).contains(RequestMethod.POST);
    }

    private static List<String> paths(RequestMapping onType, RequestMapping onMethod) {
        String[] prefixes = onType == null || onType.path().length == 0 ? new String[] {""} : onType.path();
        String[] suffixes = onMethod.path().length == 0 ? new String[] {""} : onMethod.path();
        List<String> paths = new ArrayList<>();
        for (String prefix : prefixes) {
            for (String suffix : suffixes) {
                String joined = suffix.isEmpty() || suffix.startsWith("/") || prefix.endsWith("/")
                        ? prefix + suffix : prefix + "/" + suffix;
                paths.add(joined.isEmpty() ? "/" : joined);
            }
        }
        return paths;
    }

    /** Sets the type both ways, so the schema is right whether the document is OpenAPI 3.0 or 3.1. */
    @SuppressWarnings("unchecked")
    private static Schema<Object> string() {
        Schema<Object> schema = new Schema<>();
        schema.setType("string");
        schema.setTypes(Set.of("string"));
        return schema;
    }
}
