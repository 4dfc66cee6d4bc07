package dev.tradewind.platform.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Servlet filters every request passes before anything else. Order (low runs first):
 * request id, 5xx metrics, CORS ({@code cors.CorsConfiguration}), body size limit, then Spring Security
 * (-100) and the rate limiter right after it.
 */
@Configuration(proxyBeanMethods = false)
class WebPlatformConfiguration {
    static final int REQUEST_ID_ORDER = Ordered.HIGHEST_PRECEDENCE;
    static final int METRICS_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;
    static final int SIZE_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(REQUEST_ID_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ServerErrorMetricsFilter> serverErrorMetricsFilter(MeterRegistry registry) {
        FilterRegistrationBean<ServerErrorMetricsFilter> registration =
                new FilterRegistrationBean<>(new ServerErrorMetricsFilter(registry));
        registration.setOrder(METRICS_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(HttpProperties http, ProblemWriter problems) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(http.maxBodySize(), problems));
        registration.setOrder(SIZE_LIMIT_ORDER);
        return registration;
    }
}
