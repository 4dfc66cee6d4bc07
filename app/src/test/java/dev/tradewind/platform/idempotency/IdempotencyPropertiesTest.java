package dev.tradewind.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Defaults and environment variable names documented in docs/idempotency.md. */
class IdempotencyPropertiesTest {

    private static IdempotencyProperties bind(Map<String, Object> environment) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return new Binder(ConfigurationPropertySources.get(env)).bindOrCreate("tradewind.idempotency",
                IdempotencyProperties.class);
    }

    @Test
    void defaults() {
        IdempotencyProperties properties = bind(Map.of());
        assertThat(properties.enabled()).isTrue();
        assertThat(properties.paths()).containsExactly("/api/v1/orders", "/api/v1/admin/adjustments",
                "/api/v1/payments/**", "/api/v1/withdrawals/**");
        assertThat(properties.ttl()).isEqualTo(Duration.ofHours(24));
        assertThat(properties.inProgressTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.purgeInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(properties.replayedHeaders()).containsExactly("Location");
    }

    @Test
    void environmentVariables() {
        IdempotencyProperties properties = bind(Map.of(
                "TRADEWIND_IDEMPOTENCY_TTL", "48h",
                "TRADEWIND_IDEMPOTENCY_PATHS", "/api/v1/orders, /api/v1/transfers/**",
                "TRADEWIND_IDEMPOTENCY_INPROGRESSTIMEOUT", "90s",
                "TRADEWIND_IDEMPOTENCY_REPLAYEDHEADERS", "Location, ETag"));
        assertThat(properties.ttl()).isEqualTo(Duration.ofHours(48));
        assertThat(properties.paths()).containsExactly("/api/v1/orders", "/api/v1/transfers/**");
        assertThat(properties.inProgressTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(properties.replayedHeaders()).containsExactly("Location", "ETag");
    }

    @Test
    void nonPositiveDurationsFailWithTheName() {
        assertThatThrownBy(() -> bind(Map.of("TRADEWIND_IDEMPOTENCY_TTL", "0s")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("tradewind.idempotency.ttl");
    }
}
