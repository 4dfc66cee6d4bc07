package dev.tradewind.platform.web;

import static org.springframework.security.config.Customizer.withDefaults;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only routes under {@code /api/v1/test/**} with their own security chain (ahead of the
 * application's), so platform tests do not depend on the identity module: {@code public/**} and
 * {@code auth/**} are open, the rest needs a {@link TestJwts} token. Also opens {@code /error}, which
 * the application's chain must permit as well. Import it explicitly; component scanning skips it.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({WebTestConfiguration.TestApi.class, WebTestConfiguration.TestChecks.class})
public class WebTestConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain platformTestSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/api/v1/test/**", "/error")
                .csrf(csrf -> csrf.disable())
                .cors(withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/test/public/**", "/api/v1/test/auth/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.decoder(TestJwts.DECODER)))
                .build();
    }

    public enum Side { BUY, SELL }

    public record TestOrder(@NotBlank String symbol, @NotNull Side side, @NotNull @Positive Integer quantity,
                            @NotNull @DecimalMin("0.01") BigDecimal price) {
    }

    @Service
    @Validated
    static class TestChecks {
        public int check(@Min(10) int value) {
            return value;
        }
    }

    @RestController
    @RequestMapping("/api/v1/test")
    static class TestApi {
        private static final Logger log = LoggerFactory.getLogger(TestApi.class);
        private final TestChecks checks;

        TestApi(TestChecks checks) {
            this.checks = checks;
        }

        @GetMapping("/public/ping")
        Map<String, Object> ping() {
            return Map.of("ok", true);
        }

        @PostMapping("/public/orders")
        @ResponseStatus(HttpStatus.CREATED)
        TestOrder order(@Valid @RequestBody TestOrder order) {
            return order;
        }

        @GetMapping("/public/items/{id}")
        Map<String, Object> item(@PathVariable long id, @RequestParam @Min(1) @Max(100) int limit) {
            return Map.of("id", id, "limit", limit);
        }

        @GetMapping("/public/check")
        Map<String, Object> check(@RequestParam int value) {
            return Map.of("value", checks.check(value));
        }

        @PostMapping("/public/echo")
        Map<String, Object> echo(@RequestBody byte[] body) {
            return Map.of("bytes", body.length);
        }

        @GetMapping("/public/boom")
        Map<String, Object> boom() {
            throw new IllegalStateException("secret internal detail: password=hunter2 at jdbc:postgresql://db");
        }

        @GetMapping("/public/api-error")
        Map<String, Object> apiError() {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, ErrorCodes.INSUFFICIENT_FUNDS, "Not enough USD.");
        }

        @GetMapping("/public/send-error")
        void sendError(HttpServletResponse response) throws IOException {
            response.sendError(HttpServletResponse.SC_CONFLICT, "Already done.");
        }

        @GetMapping("/public/request-id")
        Map<String, Object> requestId() {
            log.info("handling request-id probe");
            return Map.of("requestId", MDC.get(RequestIdFilter.MDC_KEY));
        }

        @GetMapping({"/public/denied", "/denied"})
        Map<String, Object> denied() {
            throw new AccessDeniedException("method security said no");
        }

        @GetMapping("/me")
        @SecurityRequirement(name = "bearerAuth")
        Map<String, Object> me(Authentication authentication) {
            return Map.of("sub", authentication.getName());
        }

        @PostMapping("/auth/login")
        Map<String, Object> login() {
            return Map.of("ok", true);
        }
    }
}
