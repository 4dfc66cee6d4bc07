package dev.tradewind.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): API info,
 * the {@value #BEARER_AUTH} security scheme and, through {@link ProblemResponsesCustomizer}, the
 * shared {@code Problem} schema and the problem+json error responses of every operation.
 * Authenticated operations declare {@code @SecurityRequirement(name = OpenApiConfiguration.BEARER_AUTH)}
 * (on the controller or the method); that is also what adds their 401 and 403 responses.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {
    /** Name of the HTTP bearer (JWT) security scheme. */
    public static final String BEARER_AUTH = "bearerAuth";

    @Bean
    OpenAPI tradewindOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Tradewind API")
                        .version("v1")
                        .description("""
                                REST API of Tradewind, a self-hostable trading platform: identity, market data, \
                                orders, balances and portfolio. JSON in camelCase, decimal numbers as strings, \
                                timestamps ISO-8601 UTC. Send `Authorization: Bearer <accessToken>` (from \
                                `POST /api/v1/auth/login`) to authenticated operations.

                                Every error is RFC 9457 `application/problem+json` with a stable `code` \
                                (schema `Problem`) and the `requestId` that also appears in the `X-Request-Id` \
                                response header and our logs. Requests are rate limited: responses carry \
                                `X-RateLimit-Limit` and `X-RateLimit-Remaining`, refusals are 429 `RATE_LIMITED` \
                                with `Retry-After` in seconds.""")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components()
                        .addSecuritySchemes(BEARER_AUTH, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("Access token from POST /api/v1/auth/login or /api/v1/auth/refresh")));
    }

    static {
        // BigDecimal is written as a JSON string (JsonConventionsConfiguration); document it as one
        SpringDocUtils.getConfig().replaceWithSchema(BigDecimal.class, ProblemSchemas.typed("string")
                .format("decimal").description("Decimal number as a string").example("42000.50"));
    }

    @Bean
    ProblemResponsesCustomizer problemResponsesCustomizer() {
        return new ProblemResponsesCustomizer();
    }
}
