package dev.tradewind.platform.ratelimit;

import static dev.tradewind.platform.web.Http.get;
import static dev.tradewind.platform.web.Http.request;
import static dev.tradewind.platform.web.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.IntegrationTest;
import dev.tradewind.TradewindApplication;
import dev.tradewind.platform.web.TestJwts;
import dev.tradewind.platform.web.WebTestConfiguration;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two app instances share one Redis-backed limit: instance A is this test's context (reaching Redis
 * through a {@link TcpProxy}, so the test can cut it off), instance B a second Spring application on
 * the same database, Redis and key prefix. Keys use a prefix unique to this run and are deleted after.
 */
@Import(WebTestConfiguration.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith({RedisAvailability.class, OutputCaptureExtension.class})
class RedisRateLimitIT extends IntegrationTest {
    private static final String PREFIX = "tradewind-test:" + UUID.randomUUID() + ":";
    private static final Map<String, String> LIMITS = Map.of(
            "tradewind.rate-limit.basic", "5/1h",
            "tradewind.rate-limit.redis-key-prefix", PREFIX,
            // a connect through the proxy on a loaded 2-core CI box can exceed the 500 ms default,
            // which would make the limiter fail open and this test see only 200s
            "tradewind.redis.timeout", "5s");
    private static TcpProxy proxy;
    private static ConfigurableApplicationContext instanceB;

    @Autowired
    EmbeddedPostgres database;

    @DynamicPropertySource
    static void redisThroughProxy(DynamicPropertyRegistry registry) {
        try {
            proxy = new TcpProxy(RedisAvailability.host(), RedisAvailability.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("tradewind.redis.url", () -> "redis://127.0.0.1:" + proxy.port());
        LIMITS.forEach((key, value) -> registry.add(key, () -> value));
    }

    @BeforeEach
    void startInstanceB() {
        if (instanceB != null) {
            return;
        }
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "tradewind.demo=false",
                "tradewind.data-dir=target/test-data/" + UUID.randomUUID(),
                "tradewind.db.url=" + database.getJdbcUrl("postgres", "postgres"),
                "tradewind.db.user=postgres",
                "tradewind.redis.url=redis://" + RedisAvailability.host() + ":" + RedisAvailability.port()));
        LIMITS.forEach((key, value) -> properties.add(key + "=" + value));
        instanceB = new SpringApplicationBuilder(TradewindApplication.class, WebTestConfiguration.class)
                .main(TradewindApplication.class)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("skipOtherTestClasses", new SkipTestClasses()))
                .properties(properties.toArray(String[]::new))
                .run();
    }

    @AfterAll
    static void stopInstanceBAndCleanUp() {
        if (instanceB != null) {
            instanceB.close();
            instanceB = null;
        }
        if (proxy != null) {
            proxy.close();
        }
        deleteTestKeys();
    }

    private String urlOfB(String path) {
        return "http://localhost:" + ((WebServerApplicationContext) instanceB).getWebServer().getPort() + path;
    }

    private static HttpResponse<String> me(String base, String subject) {
        return send(request(base + "/api/v1/test/me")
                .header("Authorization", "Bearer " + TestJwts.token(subject, "BASIC")).GET());
    }

    @Test
    @Order(1)
    void twoInstancesShareOneLimit() {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 8; i++) { // A, B, A, B, ...
            responses.add(me(i % 2 == 0 ? url("") : urlOfB(""), "shared-user"));
        }
        assertThat(responses.stream().map(HttpResponse::statusCode))
                .containsExactly(200, 200, 200, 200, 200, 429, 429, 429);
        assertThat(responses.subList(0, 5).stream().map(r -> r.headers().firstValue("X-RateLimit-Remaining").orElseThrow()))
                .as("one bucket counts down across both instances").containsExactly("4", "3", "2", "1", "0");
        responses.subList(5, 8).forEach(RateLimitIT::assertRateLimited);
        // either instance alone would have let 5 through: another user still has the full 5 on B
        assertThat(Stream.generate(() -> me(urlOfB(""), "other-user")).limit(6).map(HttpResponse::statusCode))
                .containsExactly(200, 200, 200, 200, 200, 429);
    }

    @Test
    @Order(2)
    void redisOutageFailsOpenAndRecovers(CapturedOutput output) throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(me(url(""), "outage-user").statusCode()).isEqualTo(200);
        }
        assertThat(me(url(""), "outage-user").statusCode()).as("enforced through the proxy").isEqualTo(429);

        proxy.cut();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = me(url(""), "outage-user");
            assertThat(response.statusCode()).as("fail open while Redis is unreachable").isEqualTo(200);
            assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
        }
        assertThat(me(urlOfB(""), "outage-user").statusCode()).as("B still reaches Redis: still limited").isEqualTo(429);
        assertThat(output.getAll()).contains("Rate limits are not enforced");
        assertThat(get(url("/actuator/prometheus")).body().lines()
                .filter(l -> l.startsWith("tradewind_ratelimit_store_failures_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum()).isGreaterThanOrEqualTo(3);

        proxy.restore();
        long deadline = System.nanoTime() + 40_000_000_000L; // Lettuce reconnects with a backoff of up to 30 s
        int status = 200;
        while (status != 429 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            status = me(url(""), "outage-user").statusCode();
        }
        assertThat(status).as("enforced again once Redis is back").isEqualTo(429);
    }

    private static void deleteTestKeys() {
        RedisClient client = RedisClient.create("redis://" + RedisAvailability.host() + ":" + RedisAvailability.port());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            ScanIterator<String> keys = ScanIterator.scan(connection.sync(), ScanArgs.Builder.matches(PREFIX + "*"));
            while (keys.hasNext()) {
                connection.sync().del(keys.next());
            }
        } catch (RuntimeException e) {
            System.err.println("Could not delete test keys " + PREFIX + "*: " + e); // they expire within the hour
        } finally {
            client.shutdown();
        }
    }

    /** Keeps test classes of other modules (found by component scanning) out of instance B. */
    static final class SkipTestClasses extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURL().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SkipTestClasses;
        }

        @Override
        public int hashCode() {
            return SkipTestClasses.class.hashCode();
        }
    }
}
