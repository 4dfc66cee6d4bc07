package dev.tradewind.platform.web.cors;

import dev.tradewind.platform.web.ErrorCodes;
import dev.tradewind.platform.web.ProblemWriter;
import dev.tradewind.platform.web.Problems;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS from {@code tradewind.cors.allowed-origins}. The {@code corsConfigurationSource} bean is the one
 * Spring Security's {@code cors()} picks up; the filter applies it before security as well, so a
 * preflight (which never carries a token) is answered whatever the security rules are.
 * Bearer tokens, not cookies, authenticate, so credentials are not allowed.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(CorsConfiguration.class);
    /** After the request id and metrics filters, before the body limit and security. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        org.springframework.web.cors.CorsConfiguration cors = new org.springframework.web.cors.CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                "Idempotency-Key", "X-Request-Id"));
        cors.setExposedHeaders(List.of("X-Request-Id", "X-RateLimit-Remaining", "X-RateLimit-Limit",
                HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION, "Idempotency-Replayed", "X-Next-Cursor"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        if (!properties.allowedOrigins().isEmpty()) {
            log.info("CORS allows origins {}", properties.allowedOrigins());
        }
        return source;
    }

    /** Not named {@code corsFilter}: Spring Security's {@code cors()} expects that name to be a bare CorsFilter. */
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilterRegistration(CorsConfigurationSource corsConfigurationSource,
            ProblemWriter problems) {
        CorsFilter filter = new CorsFilter(corsConfigurationSource);
        filter.setCorsProcessor(new ProblemCorsProcessor(problems));
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(ORDER);
        return registration;
    }

    /** Refuses a disallowed origin with a problem+json 403 instead of a plain-text body. */
    private static final class ProblemCorsProcessor extends DefaultCorsProcessor {
        private final ProblemWriter problems;

        ProblemCorsProcessor(ProblemWriter problems) {
            this.problems = problems;
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            if (response instanceof ServletServerHttpResponse servlet) {
                problems.write(servlet.getServletResponse(), Problems.of(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN,
                        "Cross-origin request refused: origin, method or header not allowed."));
            } else {
                super.rejectRequest(response);
            }
        }
    }
}
