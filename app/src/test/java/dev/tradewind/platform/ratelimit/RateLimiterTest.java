package dev.tradewind.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.platform.ratelimit.RateLimiter.Allowed;
import dev.tradewind.platform.ratelimit.RateLimiter.Rejected;
import dev.tradewind.platform.ratelimit.RateLimiter.Unchecked;
import dev.tradewind.platform.ratelimit.RateLimiter.Unlimited;
import dev.tradewind.platform.ratelimit.RateLimiter.Verdict;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

@ExtendWith(OutputCaptureExtension.class)
class RateLimiterTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RateLimitProperties properties = new RateLimitProperties(true, List.of("/api/**"),
            List.of("/api/v1/auth/**"), Limit.valueOf("3/1h"), Limit.valueOf("4/1h"), Limit.valueOf("5/1h"),
            Limit.valueOf("8/1h"), Limit.valueOf("20/1h"), "test:", 1000);
    private final RateLimiter limiter = new RateLimiter(properties, new InProcessBucketStore(1000), registry);

    private static MockHttpServletRequest request(String path, String ip) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(ip);
        return request;
    }

    private static Authentication user(String subject, String tier) {
        Jwt.Builder jwt = Jwt.withTokenValue("token").header("alg", "HS256").subject(subject);
        if (tier != null) {
            jwt.claim("tier", tier);
        }
        return new JwtAuthenticationToken(jwt.build(), AuthorityUtils.NO_AUTHORITIES);
    }

    /** How many of {@code attempts} requests get through. */
    private int allowedOf(int attempts, String path, String ip, Authentication authentication) {
        int allowed = 0;
        for (int i = 0; i < attempts; i++) {
            if (limiter.check(request(path, ip), authentication) instanceof Allowed) {
                allowed++;
            }
        }
        return allowed;
    }

    @Test
    void burstGetsExactlyTheLimitWithRemainingCountingDown() {
        Authentication alice = user("alice", "BASIC");
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            verdicts.add(limiter.check(request("/api/v1/orders", "10.0.0.1"), alice));
        }
        assertThat(verdicts.subList(0, 5)).allMatch(v -> v instanceof Allowed);
        assertThat(verdicts.subList(0, 5).stream().map(v -> ((Allowed) v).remaining())).containsExactly(4L, 3L, 2L, 1L, 0L);
        assertThat(verdicts.subList(5, 8)).allSatisfy(v -> {
            assertThat(v).isInstanceOf(Rejected.class);
            // 5 per hour refill one token every 12 minutes
            assertThat(((Rejected) v).retryAfterSeconds()).isBetween(700L, 720L);
        });
        assertThat(registry.counter(RateLimiter.REJECTED_METRIC, "policy", "basic").count()).isEqualTo(3);
    }

    @Test
    void tiersComeFromTheJwtClaim() {
        assertThat(allowedOf(30, "/api/v1/orders", "10.0.0.1", user("b", "BASIC"))).isEqualTo(5);
        assertThat(allowedOf(30, "/api/v1/orders", "10.0.0.1", user("p", "PRO"))).isEqualTo(8);
        assertThat(allowedOf(30, "/api/v1/orders", "10.0.0.1", user("e", "ENTERPRISE"))).isEqualTo(20);
        assertThat(allowedOf(30, "/api/v1/orders", "10.0.0.1", user("lower", "pro"))).isEqualTo(8);
        assertThat(allowedOf(30, "/api/v1/orders", "10.0.0.1", user("none", null))).as("no tier: BASIC").isEqualTo(5);
        assertThat(allowedOf(30, "/api/v1/orders", "10.0.0.1", user("gold", "GOLD"))).as("unknown: BASIC").isEqualTo(5);
    }

    @Test
    void usersHaveTheirOwnBucketsWhateverTheirAddress() {
        assertThat(allowedOf(10, "/api/v1/orders", "10.0.0.1", user("u1", "BASIC"))).isEqualTo(5);
        assertThat(allowedOf(10, "/api/v1/orders", "10.0.0.1", user("u2", "BASIC"))).isEqualTo(5);
        assertThat(allowedOf(10, "/api/v1/balances", "10.0.0.9", user("u1", "BASIC"))).isZero();
    }

    @Test
    void authEndpointsArePerIpEvenWhenAuthenticated() {
        assertThat(allowedOf(2, "/api/v1/auth/login", "10.0.0.7", null)).isEqualTo(2);
        assertThat(allowedOf(5, "/api/v1/auth/refresh", "10.0.0.7", user("someone", "ENTERPRISE"))).isEqualTo(1);
        assertThat(allowedOf(5, "/api/v1/auth/login", "10.0.0.8", null)).isEqualTo(3);
        Verdict verdict = limiter.check(request("/api/v1/auth/login", "10.0.0.7"), null);
        assertThat(verdict).isInstanceOf(Rejected.class);
        assertThat(((Rejected) verdict).quota().policy().name()).isEqualTo("auth");
    }

    @Test
    void anonymousCallsArePerIp() {
        Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        assertThat(allowedOf(10, "/api/v1/instruments", "10.0.0.3", anonymous)).isEqualTo(4);
        assertThat(allowedOf(10, "/api/v1/markets/BTC-USD/ticker", "10.0.0.3", null)).isZero();
        assertThat(allowedOf(10, "/api/v1/instruments", "10.0.0.4", null)).isEqualTo(4);
    }

    @Test
    void opsAndDocsAreNotLimited() {
        for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/v3/api-docs", "/swagger-ui.html",
                "/index.html", "/apiary"}) {
            assertThat(limiter.check(request(path, "10.0.0.5"), null)).as(path).isInstanceOf(Unlimited.class);
        }
    }

    @Test
    void failsOpenWhenTheStoreIsDownWarningOnlyNowAndThen(CapturedOutput output) {
        AtomicInteger calls = new AtomicInteger();
        BucketStore broken = new BucketStore() {
            @Override
            public io.github.bucket4j.ConsumptionProbe tryConsume(String key,
                    io.github.bucket4j.BucketConfiguration configuration) {
                calls.incrementAndGet();
                throw new BucketStoreUnavailableException("Redis at redis:6379 is not connected", null);
            }

            @Override
            public String description() {
                return "broken";
            }
        };
        RateLimiter failing = new RateLimiter(properties, broken, registry);
        for (int i = 0; i < 50; i++) {
            assertThat(failing.check(request("/api/v1/auth/login", "10.0.0.6"), null)).isInstanceOf(Unchecked.class);
        }
        assertThat(calls).hasValue(50);
        assertThat(registry.counter(RateLimiter.STORE_FAILURES_METRIC).count()).isEqualTo(50);
        assertThat(output.getAll().lines().filter(l -> l.contains("Rate limits are not enforced")))
                .singleElement().asString().contains("WARN").contains("Redis at redis:6379 is not connected");
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUp() {
        assertThat(RateLimiter.retryAfterSeconds(0)).isEqualTo(1);
        assertThat(RateLimiter.retryAfterSeconds(1)).isEqualTo(1);
        assertThat(RateLimiter.retryAfterSeconds(1_000_000_000L)).isEqualTo(1);
        assertThat(RateLimiter.retryAfterSeconds(1_000_000_001L)).isEqualTo(2);
        assertThat(RateLimiter.retryAfterSeconds(59_500_000_000L)).isEqualTo(60);
    }
}
