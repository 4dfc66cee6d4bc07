package dev.tradewind.platform.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One fact for the audit trail. Carries ids only: never a token, a password or an email (hash an
 * email with {@code Pseudonyms} when it must be correlated).
 *
 * @param action    what happened, e.g. {@link AuditActions#LOGIN_SUCCESS} or {@code "POST /api/v1/orders"}
 * @param outcome   {@link #SUCCESS}, {@link #FAILURE}, {@link #DENIED} or an HTTP status for requests
 * @param actor     the user who acted, null for anonymous requests and the system itself
 * @param target    what it was done to (a user id, a path, a token family id...)
 * @param details   small JSON-serializable facts (no personal data)
 * @param clientIp  null to take the current request's remote address
 * @param requestId null to take MDC {@code requestId}
 */
public record AuditEvent(
        String action,
        String outcome,
        @Nullable UUID actor,
        @Nullable String target,
        Map<String, Object> details,
        @Nullable String clientIp,
        @Nullable String requestId) {

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";
    public static final String DENIED = "DENIED";

    public AuditEvent {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit event needs an action");
        }
        if (outcome == null || outcome.isBlank()) {
            throw new IllegalArgumentException("an audit event needs an outcome");
        }
        details = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNullElse(details, Map.of())));
    }

    public static AuditEvent of(String action, String outcome) {
        return new AuditEvent(action, outcome, null, null, Map.of(), null, null);
    }

    public AuditEvent withActor(@Nullable UUID actor) {
        return new AuditEvent(action, outcome, actor, target, details, clientIp, requestId);
    }

    public AuditEvent withTarget(@Nullable String target) {
        return new AuditEvent(action, outcome, actor, target, details, clientIp, requestId);
    }

    public AuditEvent withDetail(String key, @Nullable Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        if (value != null) {
            more.put(key, value);
        }
        return new AuditEvent(action, outcome, actor, target, more, clientIp, requestId);
    }

    public AuditEvent withClientIp(@Nullable String clientIp) {
        return new AuditEvent(action, outcome, actor, target, details, clientIp, requestId);
    }

    public AuditEvent withRequestId(@Nullable String requestId) {
        return new AuditEvent(action, outcome, actor, target, details, clientIp, requestId);
    }
}
