package dev.tradewind.platform.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Decides which policy a request falls under and charges its bucket (see {@link RateLimitProperties}).
 * If the bucket store fails (Redis down or slow) the request is let through: an outage of a cache
 * must not take the trading API down. That is counted ({@code tradewind.ratelimit.store.failures})
 * and logged at WARN at most every {@link #WARN_EVERY}, so operators see it without a log flood.
 */
public final class RateLimiter {
    static final String REJECTED_METRIC = "tradewind.ratelimit.rejected";
    static final String STORE_FAILURES_METRIC = "tradewind.ratelimit.store.failures";
    static final Duration WARN_EVERY = Duration.ofSeconds(30);
    /** JWT claim holding the user's tier (API.md: BASIC, PRO, ENTERPRISE). */
    static final String TIER_CLAIM = "tier";

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final BucketStore store;
    private final MeterRegistry registry;
    private final List<PathPattern> paths;
    private final List<PathPattern> authPaths;
    private final Policy auth;
    private final Policy anonymous;
    private final Map<String, Policy> tiers;
    private final Policy defaultTier;
    private final Counter storeFailures;
    private final AtomicLong nextWarnNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong suppressedWarnings = new AtomicLong();

    RateLimiter(RateLimitProperties properties, BucketStore store, MeterRegistry registry) {
        this.store = store;
        this.registry = registry;
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.paths = properties.paths().stream().map(parser::parse).toList();
        this.authPaths = properties.authPaths().stream().map(parser::parse).toList();
        this.auth = new Policy("auth", properties.auth());
        this.anonymous = new Policy("anonymous", properties.anonymous());
        this.defaultTier = new Policy("basic", properties.basic());
        this.tiers = Map.of("BASIC", defaultTier, "PRO", new Policy("pro", properties.pro()),
                "ENTERPRISE", new Policy("enterprise", properties.enterprise()));
        this.storeFailures = Counter.builder(STORE_FAILURES_METRIC)
                .description("Rate-limit checks let through because the bucket store failed").register(registry);
    }

    /** A named limit; {@code name} is the metric tag and part of bucket keys. */
    record Policy(String name, Limit limit, BucketConfiguration configuration) {
        Policy(String name, Limit limit) {
            this(name, limit, limit.bucketConfiguration());
        }
    }

    /** What a request is charged to: a policy and whose bucket (an IP or a user id). */
    record Quota(Policy policy, String subject) {
        String bucketKey() {
            return policy.name() + ":" + policy.limit() + ":" + subject;
        }
    }

    sealed interface Verdict {
    }

    /** Not subject to rate limits (ops endpoints, docs). */
    record Unlimited() implements Verdict {
    }

    record Allowed(Quota quota, long remaining) implements Verdict {
    }

    record Rejected(Quota quota, long retryAfterSeconds) implements Verdict {
    }

    /** The store failed; let through unchecked (fail open). */
    record Unchecked(Quota quota) implements Verdict {
    }

    Verdict check(HttpServletRequest request, Authentication authentication) {
        Quota quota = quotaFor(request, authentication);
        if (quota == null) {
            return new Unlimited();
        }
        ConsumptionProbe probe;
        try {
            probe = store.tryConsume(quota.bucketKey(), quota.policy().configuration());
        } catch (BucketStoreUnavailableException e) {
            storeFailures.increment();
            warnThrottled(e);
            return new Unchecked(quota);
        }
        if (probe.isConsumed()) {
            return new Allowed(quota, probe.getRemainingTokens());
        }
        Counter.builder(REJECTED_METRIC).description("Requests refused with 429, by policy")
                .tag("policy", quota.policy().name()).register(registry).increment();
        return new Rejected(quota, retryAfterSeconds(probe.getNanosToWaitForRefill()));
    }

    Quota quotaFor(HttpServletRequest request, Authentication authentication) {
        PathContainer path = PathContainer.parsePath(pathWithinApplication(request));
        if (!matches(paths, path) && !matches(authPaths, path)) {
            return null;
        }
        if (matches(authPaths, path)) {
            return new Quota(auth, request.getRemoteAddr());
        }
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return new Quota(tierPolicy(tier(authentication)), authentication.getName());
        }
        return new Quota(anonymous, request.getRemoteAddr());
    }

    private Policy tierPolicy(String tier) {
        return tier == null ? defaultTier : tiers.getOrDefault(tier.toUpperCase(Locale.ROOT), defaultTier);
    }

    private static String tier(Authentication authentication) {
        Object tier = null;
        if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token) {
            tier = token.getTokenAttributes().get(TIER_CLAIM);
        } else if (authentication.getPrincipal() instanceof Jwt jwt) {
            tier = jwt.getClaims().get(TIER_CLAIM);
        }
        return tier == null ? null : tier.toString();
    }

    /** Whole seconds, rounded up and at least 1, as {@code Retry-After} needs. */
    static long retryAfterSeconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private void warnThrottled(BucketStoreUnavailableException e) {
        long now = System.nanoTime();
        long next = nextWarnNanos.get();
        if (now - next >= 0 && nextWarnNanos.compareAndSet(next, now + WARN_EVERY.toNanos())) {
            long suppressed = suppressedWarnings.getAndSet(0);
            log.warn("Rate limits are not enforced: {}. Requests pass unchecked until it is back{}", e.getMessage(),
                    suppressed == 0 ? "" : " (" + suppressed + " similar failures since the last warning)");
        } else {
            suppressedWarnings.incrementAndGet();
        }
    }

    private static boolean matches(List<PathPattern> patterns, PathContainer path) {
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static String pathWithinApplication(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    String storeDescription() {
        return store.description();
    }
}
