package dev.tradewind.platform.idempotency;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.tradewind.platform.web.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import tools.jackson.databind.json.JsonMapper;

/** {@code Idempotency-Key}: the filter, its PostgreSQL store, the periodic purge and the OpenAPI description. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyConfiguration implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    private final IdempotencyProperties properties;
    private final ObjectProvider<IdempotencyStore> store;

    IdempotencyConfiguration(IdempotencyProperties properties, ObjectProvider<IdempotencyStore> store) {
        this.properties = properties;
        this.store = store;
    }

    @Bean
    IdempotentPaths idempotentPaths() {
        return new IdempotentPaths(properties.paths());
    }

    @Bean
    IdempotencyStore idempotencyStore(JdbcClient jdbc, JsonMapper json) {
        return new IdempotencyStore(jdbc, json, Clock.systemUTC(), properties.ttl(), properties.inProgressTimeout());
    }

    /** Right after the rate limiter, which runs right after Spring Security (order {@code spring.security.filter.order}). */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotentPaths paths, IdempotencyStore idempotencyStore,
            ProblemWriter problems, MeterRegistry registry, ObjectProvider<SecurityFilterProperties> security) {
        int securityOrder = security.getIfAvailable(SecurityFilterProperties::new).getOrder();
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(paths, idempotencyStore, problems, properties.replayedHeaders(), registry));
        registration.setOrder(securityOrder + 2);
        registration.setEnabled(properties.enabled());
        log.info("Idempotency-Key {} on POST {}; keys kept {}", properties.enabled() ? "honoured" : "IGNORED", paths,
                properties.ttl());
        return registration;
    }

    @Bean
    IdempotencyOperationCustomizer idempotencyOperationCustomizer(IdempotentPaths paths) {
        return new IdempotencyOperationCustomizer(paths, human(properties.ttl()));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::purge, properties.purgeInterval());
    }

    private void purge() {
        try {
            int purged = store.getObject().purgeExpired();
            if (purged > 0) {
                log.info("Purged {} expired idempotency keys", purged);
            }
        } catch (RuntimeException e) {
            log.warn("Purging expired idempotency keys failed; next attempt in {}", properties.purgeInterval(), e);
        }
    }

    private static String human(java.time.Duration duration) {
        if (duration.toSeconds() % 3600 == 0) {
            return duration.toHours() + " h";
        }
        if (duration.toSeconds() % 60 == 0) {
            return duration.toMinutes() + " min";
        }
        return duration.toSeconds() + " s";
    }
}
