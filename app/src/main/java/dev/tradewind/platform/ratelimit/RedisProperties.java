package dev.tradewind.platform.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Redis, used to share rate limits between app instances.
 *
 * @param url     {@code TRADEWIND_REDIS_URL}, e.g. {@code redis://127.0.0.1:6379} or
 *                {@code rediss://:password@host:6379/0}; empty (the default) keeps limits in-process
 * @param timeout connect and command timeout; past it a request is let through (fail open)
 */
@ConfigurationProperties("tradewind.redis")
public record RedisProperties(@DefaultValue("") String url, @DefaultValue("500ms") Duration timeout) {
    public boolean configured() {
        return !url.isBlank();
    }
}
