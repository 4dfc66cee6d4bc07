package dev.tradewind.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.platform.ratelimit.Limit;
import dev.tradewind.platform.ratelimit.RateLimitProperties;
import dev.tradewind.platform.ratelimit.RedisProperties;
import dev.tradewind.platform.web.cors.CorsProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

/** The defaults and the environment variable names the README documents. */
class ConfigurationNamesTest {

    private static Binder binder(Map<String, Object> environment) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return new Binder(ConfigurationPropertySources.get(env));
    }

    @Test
    void defaults() {
        Binder binder = binder(Map.of());
        RateLimitProperties limits = binder.bindOrCreate("tradewind.rate-limit", RateLimitProperties.class);
        assertThat(limits.enabled()).isTrue();
        assertThat(limits.auth()).isEqualTo(Limit.valueOf("10/1m"));
        assertThat(limits.anonymous()).isEqualTo(Limit.valueOf("120/1m"));
        assertThat(List.of(limits.basic(), limits.pro(), limits.enterprise()))
                .containsExactly(Limit.valueOf("300/1m"), Limit.valueOf("1200/1m"), Limit.valueOf("6000/1m"));
        assertThat(limits.authPaths()).containsExactly("/api/v1/auth/**");
        assertThat(binder.bindOrCreate("tradewind.redis", RedisProperties.class).configured()).isFalse();
        assertThat(binder.bindOrCreate("tradewind.http", HttpProperties.class).maxBodySize())
                .isEqualTo(DataSize.ofMegabytes(1));
        assertThat(binder.bindOrCreate("tradewind.cors", CorsProperties.class).allowedOrigins()).isEmpty();
    }

    @Test
    void environmentVariables() {
        Binder binder = binder(Map.of(
                "TRADEWIND_RATELIMIT_BASIC", "50/30s",
                "TRADEWIND_RATELIMIT_AUTH", "5/1m",
                "TRADEWIND_REDIS_URL", "redis://cache:6379",
                "TRADEWIND_REDIS_TIMEOUT", "2s",
                "TRADEWIND_HTTP_MAXBODYSIZE", "256KB",
                "TRADEWIND_CORS_ALLOWEDORIGINS", "https://a.example, https://b.example"));
        RateLimitProperties limits = binder.bindOrCreate("tradewind.rate-limit", RateLimitProperties.class);
        assertThat(limits.basic()).isEqualTo(Limit.valueOf("50/30s"));
        assertThat(limits.auth()).isEqualTo(Limit.valueOf("5/1m"));
        RedisProperties redis = binder.bindOrCreate("tradewind.redis", RedisProperties.class);
        assertThat(redis.url()).isEqualTo("redis://cache:6379");
        assertThat(redis.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(binder.bindOrCreate("tradewind.http", HttpProperties.class).maxBodySize())
                .isEqualTo(DataSize.ofKilobytes(256));
        assertThat(binder.bindOrCreate("tradewind.cors", CorsProperties.class).allowedOrigins())
                .containsExactly("https://a.example", "https://b.example");
    }
}
