package dev.tradewind.platform.web;

import static dev.tradewind.platform.web.Http.contentType;
import static dev.tradewind.platform.web.Http.json;
import static dev.tradewind.platform.web.Http.request;
import static dev.tradewind.platform.web.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Allowed here: {@code https://app.example.com} and {@code https://*.trusted.example} (WebIntegrationTest). */
class CorsIT extends WebIntegrationTest {

    private HttpResponse<String> preflight(String path, String origin) {
        return send(request(url(path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization,idempotency-key"));
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void preflightFromAnAllowedOriginPasses() {
        HttpResponse<String> response = preflight("/api/v1/test/public/orders", "https://app.example.com");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        assertThat(header(response, "Access-Control-Allow-Methods")).contains("POST");
        assertThat(header(response, "Access-Control-Allow-Headers").toLowerCase())
                .contains("content-type", "authorization", "idempotency-key");
        assertThat(header(response, "Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void preflightToAnAuthenticatedRouteNeedsNoToken() {
        HttpResponse<String> response = preflight("/api/v1/test/me", "https://app.example.com");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
    }

    @Test
    void originPatternsAreSupported() {
        HttpResponse<String> response = preflight("/api/v1/test/public/orders", "https://ui.trusted.example");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("https://ui.trusted.example");
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        HttpResponse<String> response = preflight("/api/v1/test/public/orders", "https://evil.example.com");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEmpty();
        assertThat(contentType(response)).startsWith("application/problem+json");
        assertThat(json(response).path("code").asString()).isEqualTo(ErrorCodes.FORBIDDEN);
    }

    @Test
    void actualRequestFromAnotherOriginIsRefused() {
        HttpResponse<String> response = send(request(url("/api/v1/test/public/ping"))
                .header("Origin", "https://evil.example.com").GET());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void actualRequestFromAnAllowedOriginExposesOurHeaders() {
        HttpResponse<String> response = send(request(url("/api/v1/test/public/ping"))
                .header("Origin", "https://app.example.com").GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        assertThat(header(response, "Access-Control-Expose-Headers"))
                .contains("X-Request-Id", "X-RateLimit-Remaining", "Retry-After");
    }

    @Test
    void sameOriginRequestsAreNotCors() {
        HttpResponse<String> response = send(request(url("/api/v1/test/public/ping"))
                .header("Origin", "http://localhost:" + port).GET());
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
