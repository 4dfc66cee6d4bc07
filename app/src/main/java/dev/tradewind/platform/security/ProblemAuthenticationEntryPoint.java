package dev.tradewind.platform.security;

import dev.tradewind.platform.audit.AuditActions;
import dev.tradewind.platform.audit.AuditEvent;
import dev.tradewind.platform.audit.AuditLog;
import dev.tradewind.platform.web.ErrorCodes;
import dev.tradewind.platform.web.ProblemWriter;
import dev.tradewind.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 as problem+json with {@code WWW-Authenticate: Bearer} (RFC 6750), for a missing token as for an
 * invalid one (expired, tampered, unsigned, wrong key). Audited as AUTHENTICATION_FAILED with the path;
 * the reason stays coarse so the token's content never reaches the trail or the client.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {
    private final ProblemWriter problems;
    private final AuditLog audit;

    ProblemAuthenticationEntryPoint(ProblemWriter problems, AuditLog audit) {
        this.problems = problems;
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean invalidToken = failure instanceof OAuth2AuthenticationException;
        audit.record(AuditEvent.of(AuditActions.AUTHENTICATION_FAILED, AuditEvent.FAILURE)
                .withTarget(request.getRequestURI())
                .withDetail("method", request.getMethod())
                .withDetail("reason", invalidToken ? "INVALID_TOKEN" : "MISSING_TOKEN"));
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, invalidToken
                ? "Bearer realm=\"tradewind\", error=\"invalid_token\", "
                        + "error_description=\"The access token is invalid or has expired\""
                : "Bearer realm=\"tradewind\"");
        problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHORIZED, invalidToken
                ? "The access token is invalid or has expired: sign in again or refresh it"
                : "Authentication required: send Authorization: Bearer <accessToken>"));
    }
}
