package dev.tradewind.platform.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one place that shapes an RFC 9457 problem, so MVC errors, security failures and rate limits
 * all look the same to clients: {@code type}, {@code title}, {@code status}, {@code detail} and a
 * stable {@code code} (API.md "HTTP conventions").
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
        return problem;
    }

    public static ProblemDetail of(ApiException e) {
        return of(e.status(), e.code(), e.getMessage());
    }
}
