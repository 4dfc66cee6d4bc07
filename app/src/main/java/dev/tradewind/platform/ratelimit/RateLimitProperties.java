package dev.tradewind.platform.ratelimit;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits ({@code tradewind.rate-limit.*}; environment {@code TRADEWIND_RATELIMIT_*}). Limits are
 * written {@code REQUESTS/PERIOD} (see {@link Limit}). Three policies, first match wins:
 * <ol>
 * <li>{@code auth}: requests to {@code authPaths}, per client IP, authenticated or not: brute-force
 * protection for login, register and refresh;</li>
 * <li>per user (JWT {@code sub}) with the limit of the user's tier (JWT claim {@code tier}; missing
 * or unknown means BASIC) on the rest of {@code paths};</li>
 * <li>{@code anonymous}: unauthenticated requests to {@code paths} (public market data), per client IP.</li>
 * </ol>
 * The client IP is the connection's remote address; behind a load balancer set
 * {@code server.forward-headers-strategy=native} so it is taken from trusted {@code X-Forwarded-For}.
 *
 * @param enabled         off only for diagnostics
 * @param paths           what is limited at all (path patterns); ops endpoints and docs are not
 * @param authPaths       what the {@code auth} policy covers
 * @param auth            per IP on {@code authPaths}: 10/1m
 * @param anonymous       per IP for anonymous API calls: 120/1m
 * @param basic           per user of tier BASIC: 300/1m
 * @param pro             per user of tier PRO: 1200/1m
 * @param enterprise      per user of tier ENTERPRISE: 6000/1m
 * @param redisKeyPrefix  prefix of bucket keys in Redis
 * @param maxLocalBuckets in-process mode: buckets kept before the least recently used is dropped
 *                        (dropping an idle bucket loses nothing; ~200 bytes each)
 */
@ConfigurationProperties("tradewind.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("/api/**") List<String> paths,
        @DefaultValue("/api/v1/auth/**") List<String> authPaths,
        @DefaultValue("10/1m") Limit auth,
        @DefaultValue("120/1m") Limit anonymous,
        @DefaultValue("300/1m") Limit basic,
        @DefaultValue("1200/1m") Limit pro,
        @DefaultValue("6000/1m") Limit enterprise,
        @DefaultValue("tradewind:rate-limit:") String redisKeyPrefix,
        @DefaultValue("100000") int maxLocalBuckets) {

    public RateLimitProperties {
        if (maxLocalBuckets < 1) {
            throw new IllegalArgumentException("tradewind.rate-limit.max-local-buckets must be positive");
        }
    }
}
