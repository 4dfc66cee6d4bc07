package dev.tradewind.platform.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every state-changing API request (POST, PUT, PATCH, DELETE under {@code /api/}) with its
 * actor, method and path, and response status. Runs inside the security filter chain, wrapping
 * authentication, so rejected requests are recorded too and the actor is still known on the way out.
 * Never records bodies, query strings or headers.
 */
public final class RequestAuditFilter extends OncePerRequestFilter {
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_PATH = 512;

    private final AuditLog audit;

    public RequestAuditFilter(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !STATE_CHANGING.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            try {
                record(request, "500"); // the container's error handling answers it after us
            } catch (RuntimeException auditFailure) {
                e.addSuppressed(auditFailure);
            }
            throw e;
        }
        record(request, Integer.toString(response.getStatus()));
    }

    private void record(HttpServletRequest request, String outcome) {
        String path = request.getRequestURI();
        if (path.length() > MAX_PATH) {
            path = path.substring(0, MAX_PATH);
        }
        audit.record(AuditEvent.of(request.getMethod() + " " + path, outcome)
                .withActor(AuditLog.actorOf(SecurityContextHolder.getContext().getAuthentication()))
                .withClientIp(request.getRemoteAddr()));
    }
}
