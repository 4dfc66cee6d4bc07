package dev.tradewind.platform.openapi;

import static dev.tradewind.platform.web.Http.get;
import static dev.tradewind.platform.web.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.platform.web.WebIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenApiIT extends WebIntegrationTest {
    private JsonNode doc;

    @BeforeEach
    void load() {
        HttpResponse<String> response = get(url("/v3/api-docs"));
        assertThat(response.statusCode()).isEqualTo(200);
        doc = json(response);
    }

    private JsonNode responses(String path, String method) {
        JsonNode operation = doc.path("paths").path(path).path(method);
        assertThat(operation.isObject()).as(path + " " + method + " is documented").isTrue();
        return operation.path("responses");
    }

    @Test
    void infoAndLicense() {
        assertThat(doc.path("info").path("title").asString()).isEqualTo("Tradewind API");
        assertThat(doc.path("info").path("license").path("name").asString()).isEqualTo("Apache-2.0");
        assertThat(doc.path("info").path("version").asString()).isNotBlank();
    }

    @Test
    void bearerSchemeIsDeclared() {
        JsonNode scheme = doc.path("components").path("securitySchemes").path(OpenApiConfiguration.BEARER_AUTH);
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
    }

    @Test
    void problemSchemaIsReusable() {
        JsonNode problem = doc.path("components").path("schemas").path("Problem");
        assertThat(problem.path("properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "code", "requestId", "errors");
        assertThat(problem.path("required").valueStream().map(JsonNode::asString)).contains("code", "status");
    }

    @Test
    void everyOperationDocumentsProblemResponses() {
        JsonNode orders = responses("/api/v1/test/public/orders", "post");
        assertThat(orders.propertyNames()).contains("201", "400", "413", "415", "429", "500")
                .doesNotContain("401", "403");
        JsonNode badRequest = orders.path("400").path("content").path("application/problem+json");
        assertThat(badRequest.path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/Problem");
        assertThat(badRequest.path("example").path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(badRequest.path("example").path("errors").isArray()).isTrue();
        assertThat(orders.path("429").path("headers").propertyNames()).contains("Retry-After");
        assertThat(orders.path("500").path("content").path("application/problem+json").path("example")
                .path("code").asString()).isEqualTo("INTERNAL_ERROR");
    }

    @Test
    void securedOperationsDocument401And403AndPathVariables404() {
        JsonNode me = responses("/api/v1/test/me", "get");
        assertThat(me.propertyNames()).contains("200", "401", "403", "429", "500");
        assertThat(me.path("401").path("content").path("application/problem+json").path("example").path("code")
                .asString()).isEqualTo("UNAUTHORIZED");
        assertThat(responses("/api/v1/test/public/items/{id}", "get").propertyNames()).contains("400", "404");
    }

    @Test
    void decimalsAreDocumentedAsStrings() {
        JsonNode price = doc.path("components").path("schemas").path("TestOrder").path("properties").path("price");
        assertThat(price.path("type").asString()).isEqualTo("string");
        assertThat(price.path("format").asString()).isEqualTo("decimal");
    }

    @Test
    void errorControllerIsNotDocumented() {
        assertThat(doc.path("paths").has("/error")).isFalse();
    }

    @Test
    void swaggerUiIsServed() {
        HttpResponse<String> ui = get(url("/swagger-ui/index.html"));
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(get(url("/swagger-ui.html")).statusCode()).isIn(200, 302);
    }
}
