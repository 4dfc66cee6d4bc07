package dev.tradewind.platform.web;

import static dev.tradewind.platform.web.Http.contentType;
import static dev.tradewind.platform.web.Http.json;
import static dev.tradewind.platform.web.Http.request;
import static dev.tradewind.platform.web.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Default limit: 1 MiB. */
class RequestSizeLimitIT extends WebIntegrationTest {
    private static final int LIMIT = 1 << 20;

    private HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) {
        return send(request(url("/api/v1/test/public" + path)).header("Content-Type", contentType).POST(body));
    }

    /** No Content-Length: the JDK client sends a body of unknown length chunked. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(contentType(response)).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("code").asString()).isEqualTo(ErrorCodes.PAYLOAD_TOO_LARGE);
        assertThat(problem.path("detail").asString()).isEqualTo("The request body exceeds the limit of 1 MiB.");
    }

    @Test
    void bodyAtTheLimitIsAccepted() {
        HttpResponse<String> response = post("/echo", "application/octet-stream",
                HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT]));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("bytes").asInt()).isEqualTo(LIMIT);
    }

    @Test
    void contentLengthOverTheLimitIs413() {
        assertTooLarge(post("/echo", "application/octet-stream",
                HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT + 1])));
    }

    @Test
    void chunkedBodyAtTheLimitIsAccepted() {
        HttpResponse<String> response = post("/echo", "application/octet-stream", chunked(new byte[LIMIT]));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("bytes").asInt()).isEqualTo(LIMIT);
    }

    @Test
    void chunkedBodyOverTheLimitIs413() {
        assertTooLarge(post("/echo", "application/octet-stream", chunked(new byte[LIMIT + 4096])));
    }

    @Test
    void chunkedJsonOverTheLimitIs413NotMalformed() {
        String json = "{\"symbol\":\"" + "A".repeat(LIMIT + 100) + "\",\"side\":\"BUY\",\"quantity\":1,\"price\":\"1\"}";
        assertTooLarge(post("/orders", "application/json", chunked(json.getBytes(StandardCharsets.UTF_8))));
    }
}
