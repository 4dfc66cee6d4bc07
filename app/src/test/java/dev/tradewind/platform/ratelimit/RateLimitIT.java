package dev.tradewind.platform.ratelimit;

import static dev.tradewind.platform.web.Http.contentType;
import static dev.tradewind.platform.web.Http.get;
import static dev.tradewind.platform.web.Http.json;
import static dev.tradewind.platform.web.Http.request;
import static dev.tradewind.platform.web.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.IntegrationTest;
import dev.tradewind.platform.web.ErrorCodes;
import dev.tradewind.platform.web.TestJwts;
import dev.tradewind.platform.web.WebTestConfiguration;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** In-process buckets, end to end. Hour-long periods, so no token comes back while a test runs. */
@Import(WebTestConfiguration.class)
@TestPropertySource(properties = {
        "tradewind.rate-limit.auth=3/1h",
        "tradewind.rate-limit.anonymous=4/1h",
        "tradewind.rate-limit.basic=5/1h",
        "tradewind.rate-limit.pro=8/1h",
        "tradewind.rate-limit.enterprise=12/1h",
        "tradewind.rate-limit.auth-paths=/api/v1/auth/**,/api/v1/test/auth/**",
        "tradewind.redis.url="}) // in-process even where TRADEWIND_REDIS_URL is set: buckets must not outlive the run
class RateLimitIT extends IntegrationTest {

    private List<HttpResponse<String>> burst(int count, HttpRequest.Builder request) {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            responses.add(send(request.copy()));
        }
        return responses;
    }

    private HttpRequest.Builder me(String subject, String tier) {
        return request(url("/api/v1/test/me")).header("Authorization", "Bearer " + TestJwts.token(subject, tier)).GET();
    }

    private static long passed(List<HttpResponse<String>> responses) {
        return responses.stream().filter(r -> r.statusCode() == 200).count();
    }

    static void assertRateLimited(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(contentType(response)).startsWith("application/problem+json");
        assertThat(json(response).path("code").asString()).isEqualTo(ErrorCodes.RATE_LIMITED);
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    }

    /** From /actuator/prometheus, as an operator sees it. */
    private double rejections(String policy) {
        return get(url("/actuator/prometheus")).body().lines()
                .filter(l -> l.startsWith("tradewind_ratelimit_rejected_total{") && l.contains("policy=\"" + policy + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void burstGetsExactlyTheLimitThroughAndTheRest429WithRetryAfter() {
        double rejectedBefore = rejections("basic");
        List<HttpResponse<String>> responses = burst(5 + 3, me("burst-user", "BASIC"));
        assertThat(responses.subList(0, 5)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(responses.subList(0, 5).stream().map(r -> r.headers().firstValue("X-RateLimit-Remaining").orElseThrow()))
                .containsExactly("4", "3", "2", "1", "0");
        assertThat(responses.get(0).headers().firstValue("X-RateLimit-Limit")).hasValue("5");
        assertThat(responses.subList(5, 8)).allSatisfy(RateLimitIT::assertRateLimited);
        // 5 per hour: the next token comes within 12 minutes
        assertThat(Long.parseLong(responses.get(7).headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(600L, 720L);
        assertThat(rejections("basic") - rejectedBefore).isEqualTo(3.0);
    }

    @Test
    void tiersHaveDifferentLimits() {
        assertThat(passed(burst(15, me("tier-basic", "BASIC")))).isEqualTo(5);
        assertThat(passed(burst(15, me("tier-pro", "PRO")))).isEqualTo(8);
        assertThat(passed(burst(15, me("tier-enterprise", "ENTERPRISE")))).isEqualTo(12);
        assertThat(passed(burst(15, me("tier-missing", null)))).isEqualTo(5);
    }

    @Test
    void authEndpointsAreLimitedPerClientIp() {
        HttpRequest.Builder login = request(url("/api/v1/test/auth/login")).POST(HttpRequest.BodyPublishers.noBody());
        List<HttpResponse<String>> responses = burst(6, login);
        assertThat(responses.stream().map(HttpResponse::statusCode)).containsExactly(200, 200, 200, 429, 429, 429);
        assertRateLimited(responses.get(5));
        // a token does not help: the auth policy counts per address
        HttpResponse<String> withToken = send(request(url("/api/v1/test/auth/login"))
                .header("Authorization", "Bearer " + TestJwts.token("fresh-user", "ENTERPRISE"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(withToken.statusCode()).isEqualTo(429);

        Assumptions.assumeTrue(ipv6LoopbackReaches(port), "IPv6 loopback unavailable: cannot show a second address");
        HttpResponse<String> otherAddress = send(request("http://[::1]:" + port + "/api/v1/test/auth/login")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(otherAddress.statusCode()).as("another client IP has its own bucket").isEqualTo(200);
    }

    @Test
    void anonymousApiCallsAreLimitedPerIpAndOpsEndpointsNotAtAll() {
        List<HttpResponse<String>> responses = burst(6, request(url("/api/v1/test/public/ping")).GET());
        assertThat(responses.stream().map(HttpResponse::statusCode)).containsExactly(200, 200, 200, 200, 429, 429);
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> health = get(url("/actuator/health"));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
        }
    }

    private static boolean ipv6LoopbackReaches(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName("::1"), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
