package dev.tradewind.platform.idempotency;

import dev.tradewind.platform.web.ApiException;
import dev.tradewind.platform.web.ErrorCodes;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only POST routes under {@code /api/v1/test/idem/**} (bearer token of {@code TestJwts}) and
 * {@code /api/v1/test/public/idem/**} (anonymous), secured by {@code WebTestConfiguration}'s chain.
 * Each counts its invocations per {@code ref} of the body, so a test can tell whether the handler ran.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(IdempotencyTestRoutes.Routes.class)
class IdempotencyTestRoutes {

    @RestController
    @RequestMapping("/api/v1/test")
    static class Routes {
        static final Map<String, AtomicInteger> INVOCATIONS = new ConcurrentHashMap<>();
        private static final AtomicLong ORDER_IDS = new AtomicLong();

        static int invocations(String ref) {
            AtomicInteger count = INVOCATIONS.get(ref);
            return count == null ? 0 : count.get();
        }

        private static int invoked(Map<String, Object> body) {
            return INVOCATIONS.computeIfAbsent(String.valueOf(body.get("ref")), r -> new AtomicInteger()).incrementAndGet();
        }

        /** Creates an "order": 201, a Location, and an id that differs on every run. */
        @PostMapping({"/idem/orders", "/public/idem/orders"})
        ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body) throws InterruptedException {
            int invocation = invoked(body);
            if (body.get("sleepMillis") instanceof Number millis) {
                Thread.sleep(millis.longValue()); // widens the window in which duplicates arrive
            }
            long id = ORDER_IDS.incrementAndGet();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("orderId", id);
            out.put("ref", body.get("ref"));
            out.put("invocation", invocation);
            return ResponseEntity.created(URI.create("/api/v1/test/idem/orders/" + id)).body(out);
        }

        @GetMapping("/idem/orders")
        Map<String, Object> list() {
            return Map.of("orders", ORDER_IDS.get());
        }

        /** Fails with a 500 (or with {@code "status": 503}) on the first {@code failTimes} invocations. */
        @PostMapping("/idem/flaky")
        ResponseEntity<Map<String, Object>> flaky(@RequestBody Map<String, Object> body) {
            int invocation = invoked(body);
            int failTimes = ((Number) body.getOrDefault("failTimes", 1)).intValue();
            if (invocation <= failTimes) {
                if (Integer.valueOf(503).equals(body.get("status"))) {
                    throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE, "Engine busy.");
                }
                throw new IllegalStateException("simulated failure");
            }
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("ref", body.get("ref"), "invocation", invocation));
        }

        /** A business rejection: 422, stored and replayed like a success. */
        @PostMapping("/idem/reject")
        Map<String, Object> reject(@RequestBody Map<String, Object> body) {
            int invocation = invoked(body);
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, ErrorCodes.INSUFFICIENT_FUNDS,
                    "Not enough USD (invocation " + invocation + ").");
        }
    }
}
