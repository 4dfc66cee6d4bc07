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
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 as problem+json for an authenticated user without the needed role; audited as PERMISSION_DENIED. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {
    private final ProblemWriter problems;
    private final AuditLog audit;

    ProblemAccessDeniedHandler(ProblemWriter problems, AuditLog audit) {
        this.problems = problems;
        this.audit = audit;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        audit.record(AuditEvent.of(AuditActions.PERMISSION_DENIED, AuditEvent.DENIED)
                .withActor(AuditLog.actorOf(SecurityContextHolder.getContext().getAuthentication()))
                .withTarget(request.getRequestURI())
                .withDetail("method", request.getMethod()));
        problems.write(response, Problems.of(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN,
                "Your account does not have the role this operation needs"));
    }
}
