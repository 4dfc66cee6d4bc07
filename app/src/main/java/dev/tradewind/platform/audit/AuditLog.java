package dev.tradewind.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit trail (table {@code audit_log}; the database rejects UPDATE, DELETE and
 * TRUNCATE). Inside a transaction the row commits or rolls back with the work it describes.
 * A failed write is not swallowed: an action that cannot be audited fails.
 */
@Service
public class AuditLog {
    /** MDC key the request-id filter fills (platform.web). */
    public static final String REQUEST_ID_MDC_KEY = "requestId";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(AuditEvent event) {
        String clientIp = event.clientIp() != null ? event.clientIp() : currentClientIp();
        String requestId = event.requestId() != null ? event.requestId() : MDC.get(REQUEST_ID_MDC_KEY);
        jdbc.sql("""
                        INSERT INTO audit_log (actor, action, target, client_ip, outcome, request_id, details)
                        VALUES (?, ?, ?, CAST(? AS inet), ?, ?, CAST(? AS jsonb))""")
                .params(event.actor(), event.action(), event.target(), clientIp, event.outcome(), requestId,
                        json.writeValueAsString(event.details()))
                .update();
    }

    /** The user id behind an authentication (its name is the JWT subject), or null when anonymous. */
    public static @Nullable UUID actorOf(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        try {
            return UUID.fromString(authentication.getName());
        } catch (IllegalArgumentException notAUserId) {
            return null;
        }
    }

    private static @Nullable String currentClientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
