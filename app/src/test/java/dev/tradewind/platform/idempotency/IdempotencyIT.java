package dev.tradewind.platform.idempotency;

import static dev.tradewind.platform.idempotency.IdempotencyTestRoutes.Routes.invocations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.IntegrationTest;
import dev.tradewind.platform.web.Http;
import dev.tradewind.platform.web.TestJwts;
import dev.tradewind.platform.web.WebTestConfiguration;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@Import({WebTestConfiguration.class, IdempotencyTestRoutes.class})
@TestPropertySource(properties = {
        "tradewind.idempotency.paths=/api/v1/test/idem/**, /api/v1/test/public/idem/**",
        "tradewind.redis.url="})
class IdempotencyIT extends IntegrationTest {
    private static final String ALICE = TestJwts.token("alice-" + UUID.randomUUID(), null);
    private static final String BOB = TestJwts.token("bob-" + UUID.randomUUID(), null);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdempotencyStore store;

    private HttpResponse<String> post(String path, String token, String key, String body) {
        HttpRequest.Builder request = Http.request(url(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return Http.send(request);
    }

    private static String order(String ref) {
        return "{\"ref\":\"" + ref + "\",\"symbol\":\"BTC-USD\",\"quantity\":\"1.5\"}";
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static String ref() {
        return "ref-" + UUID.randomUUID();
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void replayReturnsTheFirstResponseAndTheHandlerRunsOnce() {
        String key = key();
        String ref = ref();
        HttpResponse<String> first = post("/api/v1/test/idem/orders", ALICE, key, order(ref));
        HttpResponse<String> second = post("/api/v1/test/idem/orders", ALICE, key, order(ref));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(header(first, "Idempotency-Replayed")).isNull();
        assertThat(header(first, "Location")).startsWith("/api/v1/test/idem/orders/");
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(header(second, "Location")).isEqualTo(header(first, "Location"));
        assertThat(Http.contentType(second)).isEqualTo(Http.contentType(first));
        assertThat(header(second, "Idempotency-Replayed")).isEqualTo("true");
        assertThat(header(second, "X-Request-Id")).isNotEqualTo(header(first, "X-Request-Id"));
        assertThat(invocations(ref)).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIsAConflict() {
        String key = key();
        String ref = ref();
        assertThat(post("/api/v1/test/idem/orders", ALICE, key, order(ref)).statusCode()).isEqualTo(201);

        HttpResponse<String> conflict = post("/api/v1/test/idem/orders", ALICE, key, order(ref).replace("1.5", "2.5"));

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(Http.contentType(conflict)).startsWith("application/problem+json");
        JsonNode problem = Http.json(conflict);
        assertThat(problem.path("code").asString()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(problem.path("detail").asString()).contains("different request body");
        assertThat(invocations(ref)).isEqualTo(1);
    }

    @Test
    void keysAreScopedPerUserAndPath() {
        String key = key();
        String ref = ref();
        HttpResponse<String> alice = post("/api/v1/test/idem/orders", ALICE, key, order(ref));
        HttpResponse<String> bob = post("/api/v1/test/idem/orders", BOB, key, order(ref));
        HttpResponse<String> otherPath = post("/api/v1/test/idem/flaky", ALICE, key,
                "{\"ref\":\"" + ref + "\",\"failTimes\":0}");

        assertThat(alice.statusCode()).isEqualTo(201);
        assertThat(bob.statusCode()).isEqualTo(201);
        assertThat(header(bob, "Idempotency-Replayed")).isNull();
        assertThat(Http.json(bob).path("orderId")).isNotEqualTo(Http.json(alice).path("orderId"));
        assertThat(otherPath.statusCode()).isEqualTo(201);
        assertThat(invocations(ref)).isEqualTo(3);
    }

    @Test
    void withoutTheHeaderEveryRequestRuns() {
        String ref = ref();
        post("/api/v1/test/idem/orders", ALICE, null, order(ref));
        post("/api/v1/test/idem/orders", ALICE, null, order(ref));
        assertThat(invocations(ref)).isEqualTo(2);
    }

    @Test
    void anonymousCallersAreScopedByAddress() {
        String key = key();
        String ref = ref();
        HttpResponse<String> first = post("/api/v1/test/public/idem/orders", null, key, order(ref));
        HttpResponse<String> second = post("/api/v1/test/public/idem/orders", null, key, order(ref));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(header(second, "Idempotency-Replayed")).isEqualTo("true");
        assertThat(invocations(ref)).isEqualTo(1);
        String scope = jdbc.sql("SELECT scope FROM idempotency_keys WHERE idem_key = ?").param(key)
                .query(String.class).single();
        assertThat(scope).startsWith("ip:");
    }

    @Test
    void invalidKeysAreRejectedBeforeTheHandler() {
        String ref = ref();
        // non-ASCII and control characters are covered by IdempotencyFilterTest: java.net.http cannot send them
        List<String> invalid = List.of("k".repeat(129), "");
        for (String key : invalid) {
            HttpResponse<String> response = post("/api/v1/test/idem/orders", ALICE, key, order(ref));
            assertThat(response.statusCode()).as("key %s", key).isEqualTo(400);
            JsonNode problem = Http.json(response);
            assertThat(problem.path("code").asString()).isEqualTo("VALIDATION_FAILED");
            assertThat(problem.path("errors").path(0).path("field").asString()).isEqualTo("Idempotency-Key");
        }
        HttpResponse<String> twice = Http.send(Http.request(url("/api/v1/test/idem/orders"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + ALICE)
                .header("Idempotency-Key", "a").header("Idempotency-Key", "b")
                .POST(HttpRequest.BodyPublishers.ofString(order(ref))));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(invocations(ref)).isZero();

        HttpResponse<String> longest = post("/api/v1/test/idem/orders", ALICE, "~ !".repeat(42) + "xy", order(ref));
        assertThat(longest.statusCode()).isEqualTo(201);
    }

    @Test
    void concurrentDuplicatesRunTheHandlerExactlyOnce() throws Exception {
        int threads = 20;
        String key = key();
        String ref = ref();
        String body = "{\"ref\":\"" + ref + "\",\"sleepMillis\":300}";
        CyclicBarrier start = new CyclicBarrier(threads);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return post("/api/v1/test/idem/orders", ALICE, key, body);
                }));
            }
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get());
            }
        }

        assertThat(invocations(ref)).isEqualTo(1);
        List<HttpResponse<String>> created = responses.stream().filter(r -> r.statusCode() == 201).toList();
        assertThat(created).isNotEmpty();
        assertThat(created).extracting(HttpResponse::body).containsOnly(created.getFirst().body());
        assertThat(created.stream().filter(r -> header(r, "Idempotency-Replayed") == null)).hasSize(1);
        for (HttpResponse<String> response : responses) {
            if (response.statusCode() != 201) {
                assertThat(response.statusCode()).isEqualTo(409);
                assertThat(Http.json(response).path("code").asString()).isEqualTo("IDEMPOTENCY_CONFLICT");
                assertThat(Http.json(response).path("detail").asString()).contains("still in progress");
                assertThat(header(response, "Retry-After")).isEqualTo("1");
            }
        }
        // after the first completed, a late duplicate gets the stored response
        HttpResponse<String> late = post("/api/v1/test/idem/orders", ALICE, key, body);
        assertThat(late.statusCode()).isEqualTo(201);
        assertThat(late.body()).isEqualTo(created.getFirst().body());
        assertThat(invocations(ref)).isEqualTo(1);
    }

    @Test
    void serverErrorsReleaseTheKey() {
        for (String variant : List.of("", ",\"status\":503")) {
            String key = key();
            String ref = ref();
            String body = "{\"ref\":\"" + ref + "\",\"failTimes\":1" + variant + "}";

            HttpResponse<String> failed = post("/api/v1/test/idem/flaky", ALICE, key, body);
            HttpResponse<String> retried = post("/api/v1/test/idem/flaky", ALICE, key, body);
            HttpResponse<String> replayed = post("/api/v1/test/idem/flaky", ALICE, key, body);

            assertThat(failed.statusCode()).isEqualTo(variant.isEmpty() ? 500 : 503);
            assertThat(retried.statusCode()).isEqualTo(201);
            assertThat(header(retried, "Idempotency-Replayed")).isNull();
            assertThat(replayed.statusCode()).isEqualTo(201);
            assertThat(replayed.body()).isEqualTo(retried.body());
            assertThat(header(replayed, "Idempotency-Replayed")).isEqualTo("true");
            assertThat(invocations(ref)).isEqualTo(2);
        }
    }

    @Test
    void clientErrorsAreStoredAndReplayed() {
        String key = key();
        String ref = ref();
        HttpResponse<String> first = post("/api/v1/test/idem/reject", ALICE, key, order(ref));
        HttpResponse<String> second = post("/api/v1/test/idem/reject", ALICE, key, order(ref));

        assertThat(first.statusCode()).isEqualTo(422);
        assertThat(Http.json(first).path("code").asString()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(second.statusCode()).isEqualTo(422);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(Http.contentType(second)).startsWith("application/problem+json");
        assertThat(header(second, "Idempotency-Replayed")).isEqualTo("true");
        assertThat(invocations(ref)).isEqualTo(1);
    }

    @Test
    void expiredKeysRunAgainAndArePurged() {
        String key = key();
        String ref = ref();
        post("/api/v1/test/idem/orders", ALICE, key, order(ref));
        expire(key);

        HttpResponse<String> again = post("/api/v1/test/idem/orders", ALICE, key, order(ref));
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(header(again, "Idempotency-Replayed")).isNull();
        assertThat(invocations(ref)).isEqualTo(2);

        String other = key();
        post("/api/v1/test/idem/orders", ALICE, other, order(ref()));
        expire(other);
        assertThat(rows(other)).isEqualTo(1);
        assertThat(store.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(rows(other)).isZero();
        assertThat(rows(key)).as("unexpired keys stay").isEqualTo(1);
    }

    @Test
    void anAbandonedClaimIsTakenOverAfterTheInProgressTimeout() {
        RequestKey key = new RequestKey("user:" + UUID.randomUUID(), "POST", "/api/v1/orders", key());
        byte[] hash = RequestKey.hash(new byte[] {1, 2, 3});
        Claim first = store.claim(key, hash);
        assertThat(first).isInstanceOf(Claim.Acquired.class);
        assertThat(store.claim(key, hash)).isInstanceOf(Claim.InProgress.class);
        assertThat(store.claim(key, RequestKey.hash(new byte[] {4}))).isInstanceOf(Claim.Mismatch.class);

        jdbc.sql("UPDATE idempotency_keys SET claimed_at = claimed_at - interval '1 hour' WHERE idem_key = ?")
                .param(key.key()).update();
        Claim takeover = store.claim(key, hash);

        assertThat(takeover).isInstanceOf(Claim.Acquired.class).isNotEqualTo(first);
        StoredResponse response = new StoredResponse(201, "application/json", java.util.Map.of(), new byte[] {'{', '}'});
        assertThat(store.complete(key, ((Claim.Acquired) first).token(), response)).as("the old claim is gone").isFalse();
        assertThat(store.complete(key, ((Claim.Acquired) takeover).token(), response)).isTrue();
        assertThat(store.claim(key, hash)).isInstanceOf(Claim.Replay.class);
    }

    @Test
    void openApiDocumentsTheHeaderOnIdempotentPosts() {
        JsonNode doc = Http.json(Http.get(url("/v3/api-docs")));
        JsonNode post = doc.path("paths").path("/api/v1/test/idem/orders").path("post");
        JsonNode parameter = post.path("parameters").valueStream()
                .filter(p -> "Idempotency-Key".equals(p.path("name").asString())).findFirst().orElseThrow();
        assertThat(parameter.path("in").asString()).isEqualTo("header");
        assertThat(parameter.path("required").asBoolean()).isFalse();
        assertThat(parameter.path("description").asString()).contains("IDEMPOTENCY_CONFLICT", "24 h",
                "Idempotency-Replayed");
        assertThat(parameter.path("schema").path("maxLength").asInt()).isEqualTo(128);
        assertThat(post.path("responses").path("409").path("content").has("application/problem+json")).isTrue();
        // the route returns a ResponseEntity, which springdoc documents as 200
        assertThat(post.path("responses").path("200").path("headers").has("Idempotency-Replayed"))
                .as(post.path("responses").toString()).isTrue();

        JsonNode get = doc.path("paths").path("/api/v1/test/idem/orders").path("get");
        assertThat(get.path("parameters").toString()).doesNotContain("Idempotency-Key");
        JsonNode unrelated = doc.path("paths").path("/api/v1/test/public/orders").path("post");
        assertThat(unrelated.isObject()).isTrue();
        assertThat(unrelated.path("parameters").toString()).doesNotContain("Idempotency-Key");
    }

    private void expire(String key) {
        jdbc.sql("UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE idem_key = ?")
                .param(key).update();
    }

    private int rows(String key) {
        return jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE idem_key = ?").param(key)
                .query(Integer.class).single();
    }
}
