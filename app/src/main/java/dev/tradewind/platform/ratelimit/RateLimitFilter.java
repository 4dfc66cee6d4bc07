package dev.tradewind.platform.ratelimit;

import dev.tradewind.platform.web.ErrorCodes;
import dev.tradewind.platform.web.ProblemWriter;
import dev.tradewind.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link RateLimiter} to every request. Registered right after Spring Security's filter, so
 * the authenticated user (and their tier) is known, and before MVC, so a refused request costs no
 * work and unknown routes are limited too. Sets {@code X-RateLimit-Limit} and
 * {@code X-RateLimit-Remaining} on every limited response; refuses with 429 {@code RATE_LIMITED}
 * and {@code Retry-After} (seconds).
 */
final class RateLimitFilter extends OncePerRequestFilter {
    static final String LIMIT_HEADER = "X-RateLimit-Limit";
    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private final RateLimiter limiter;
    private final ProblemWriter problems;

    RateLimitFilter(RateLimiter limiter, ProblemWriter problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter.Verdict verdict = limiter.check(request, SecurityContextHolder.getContext().getAuthentication());
        switch (verdict) {
            case RateLimiter.Allowed allowed -> {
                response.setHeader(LIMIT_HEADER, Long.toString(allowed.quota().policy().limit().requests()));
                response.setHeader(REMAINING_HEADER, Long.toString(allowed.remaining()));
            }
            case RateLimiter.Rejected rejected -> {
                Limit limit = rejected.quota().policy().limit();
                response.setHeader(LIMIT_HEADER, Long.toString(limit.requests()));
                response.setHeader(REMAINING_HEADER, "0");
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(rejected.retryAfterSeconds()));
                problems.write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, ErrorCodes.RATE_LIMITED,
                        "Rate limit of " + limit.requests() + " requests per " + limit.periodText()
                                + " exceeded; retry in " + rejected.retryAfterSeconds() + " s."));
                return;
            }
            case RateLimiter.Unlimited _, RateLimiter.Unchecked _ -> {
            }
        }
        chain.doFilter(request, response);
    }
}
