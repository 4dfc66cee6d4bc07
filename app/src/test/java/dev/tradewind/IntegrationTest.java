package dev.tradewind;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of app integration tests: the whole app on a random port with its own embedded PostgreSQL
 * in a fresh data dir under target/ (Spring caches the context, so one database per configuration).
 * Read the data dir through {@code PlatformProperties}, never from the property: the placeholder
 * draws a new UUID on every resolution.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tradewind.data-dir=target/test-data/${random.uuid}",
        "tradewind.db.embedded-fsync=false",
        "tradewind.demo=false",
        // tests call from one address far faster than a person; RateLimitIT checks the real limits
        "tradewind.rate-limit.auth=100000/1m",
        "tradewind.rate-limit.anonymous=100000/1m",
        "tradewind.rate-limit.basic=100000/1m"})
public abstract class IntegrationTest {
    @LocalServerPort
    protected int port;

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
