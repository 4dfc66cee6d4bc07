package dev.tradewind.platform.idempotency;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code Idempotency-Key} handling ({@code tradewind.idempotency.*}; environment
 * {@code TRADEWIND_IDEMPOTENCY_*}). See {@code docs/idempotency.md}.
 *
 * @param enabled           off only for diagnostics: the header is then ignored
 * @param paths             POST path patterns (Spring {@code PathPattern}) that honour the header
 * @param ttl               how long after the first request a key is remembered (replays, conflicts)
 * @param inProgressTimeout how long a claim may stay in progress before it counts as abandoned (its
 *                          instance died mid-request) and a retry may take it over; keep it well
 *                          above the slowest request of the covered endpoints
 * @param purgeInterval     how often expired keys are deleted
 * @param replayedHeaders   response headers stored and replayed besides {@code Content-Type}
 */
@ConfigurationProperties("tradewind.idempotency")
public record IdempotencyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"/api/v1/orders", "/api/v1/admin/adjustments", "/api/v1/payments/**", "/api/v1/withdrawals/**"})
        List<String> paths,
        @DefaultValue("24h") Duration ttl,
        @DefaultValue("5m") Duration inProgressTimeout,
        @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue("Location") List<String> replayedHeaders) {

    public IdempotencyProperties {
        paths = List.copyOf(paths);
        replayedHeaders = List.copyOf(replayedHeaders);
        positive(ttl, "ttl");
        positive(inProgressTimeout, "in-progress-timeout");
        positive(purgeInterval, "purge-interval");
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("tradewind.idempotency." + name + " must be a positive duration, e.g. 24h; was "
                    + value);
        }
    }
}
