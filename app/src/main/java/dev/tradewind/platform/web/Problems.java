package dev.tradewind.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one place that shapes an RFC 9457 problem, so MVC errors, security failures and rate limits
 * all look the same to clients: {@code type}, {@code title}, {@code status}, {@code detail}, a
 * stable {@code code} (API.md "HTTP conventions") and, inside a request, its {@code requestId}.
 */
public final class Problems {
    /** Base of every problem {@code type}; the suffix is the code in kebab case. Documented in the README. */
    public static final String TYPE_BASE = "https://tradewind.dev/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        // lets a user quote the id that is in our logs; set by RequestIdFilter for every request
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    public static ProblemDetail of(ApiException e) {
        return of(e.status(), e.code(), e.getMessage());
    }

    /** A 400 {@code VALIDATION_FAILED} listing every offending field. */
    public static ProblemDetail validation(List<FieldViolation> violations) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED, summary(violations));
        problem.setProperty("errors", violations);
        return problem;
    }

    private static String summary(List<FieldViolation> violations) {
        if (violations.isEmpty()) {
            return "The request is invalid.";
        }
        StringBuilder detail = new StringBuilder("Invalid request: ");
        int shown = Math.min(violations.size(), 5);
        for (int i = 0; i < shown; i++) {
            FieldViolation v = violations.get(i);
            if (i > 0) {
                detail.append("; ");
            }
            detail.append(v.field() == null ? v.message() : v.field() + " " + v.message());
        }
        if (violations.size() > shown) {
            detail.append("; and ").append(violations.size() - shown).append(" more");
        }
        return detail.append('.').toString();
    }
}
