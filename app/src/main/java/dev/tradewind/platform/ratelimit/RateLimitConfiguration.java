package dev.tradewind.platform.ratelimit;

import dev.tradewind.platform.web.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rate limiting: Redis-backed when {@code tradewind.redis.url} is set, in-process otherwise. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {
    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean(destroyMethod = "close")
    BucketStore bucketStore(RateLimitProperties limits, RedisProperties redis) {
        BucketStore store = redis.configured()
                ? new RedisBucketStore(redis.url(), redis.timeout(), limits.redisKeyPrefix())
                : new InProcessBucketStore(limits.maxLocalBuckets());
        log.info("Rate limits {}: auth {} per IP, anonymous {} per IP, users basic {} / pro {} / enterprise {}; "
                        + "buckets {}", limits.enabled() ? "on" : "OFF", limits.auth(), limits.anonymous(),
                limits.basic(), limits.pro(), limits.enterprise(), store.description());
        return store;
    }

    @Bean
    RateLimiter rateLimiter(RateLimitProperties limits, BucketStore store, MeterRegistry registry) {
        return new RateLimiter(limits, store, registry);
    }

    /** Right after Spring Security's filter (order {@code spring.security.filter.order}, default -100). */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties limits, RateLimiter limiter,
            ProblemWriter problems, ObjectProvider<SecurityFilterProperties> security) {
        int securityOrder = security.getIfAvailable(SecurityFilterProperties::new).getOrder();
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limiter, problems));
        registration.setOrder(securityOrder + 1);
        registration.setEnabled(limits.enabled());
        return registration;
    }
}
