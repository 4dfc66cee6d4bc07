package dev.tradewind.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for integration tests of the API (java.net.http, JSON via Jackson). */
public final class TestApi {
    public static final String PASSWORD = "correct horse battery 9";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;

    public TestApi(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public record Session(UUID userId, String email, String accessToken, String refreshToken) {
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    public Response get(String path, String bearer) {
        return send(request(path, bearer).GET().build());
    }

    public Response post(String path, String body, String bearer) {
        return send(request(path, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response post(String path, Map<String, ?> body) {
        return post(path, json(body), null);
    }

    public Response register(String email, String password, String displayName) {
        return post("/api/v1/auth/register", Map.of("email", email, "password", password, "displayName", displayName));
    }

    public Response login(String email, String password) {
        return post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    public Response refresh(String refreshToken) {
        return post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken));
    }

    /** Registers a fresh trader and signs in. */
    public Session newTrader() {
        String email = uniqueEmail();
        Response registered = register(email, PASSWORD, "Test Trader");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return signIn(email, PASSWORD);
    }

    public Session signIn(String email, String password) {
        Response login = login(email, password);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        JsonNode tokens = login.json();
        Response me = get("/api/v1/me", tokens.get("accessToken").asString());
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        return new Session(UUID.fromString(me.json().get("userId").asString()), email,
                tokens.get("accessToken").asString(), tokens.get("refreshToken").asString());
    }

    private HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException("HTTP " + request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
