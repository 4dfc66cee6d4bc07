package dev.tradewind.platform.web;

import dev.tradewind.IntegrationTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The shared context of the web platform ITs: test routes, CORS for one origin, and anonymous
 * limits high enough that these tests never meet them (RateLimitIT has its own context), kept
 * in-process so runs never share buckets through Redis.
 */
@Import(WebTestConfiguration.class)
@TestPropertySource(properties = {
        "tradewind.cors.allowed-origins=https://app.example.com, https://*.trusted.example",
        "tradewind.rate-limit.anonymous=100000/1m",
        "tradewind.redis.url="}) // in-process buckets even where TRADEWIND_REDIS_URL is set
public abstract class WebIntegrationTest extends IntegrationTest {
}
