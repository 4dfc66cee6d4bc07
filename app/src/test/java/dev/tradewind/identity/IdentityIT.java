package dev.tradewind.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.IntegrationTest;
import dev.tradewind.identity.TestApi.Response;
import dev.tradewind.identity.TestApi.Session;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class IdentityIT extends IntegrationTest {
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDirectory directory;

    private TestApi api;

    @BeforeEach
    void client() {
        api = new TestApi(port);
    }

    @Test
    void registerLoginRefreshAndMe() {
        String email = TestApi.uniqueEmail();
        Response registered = api.register("  " + email.toUpperCase() + " ", TestApi.PASSWORD, "  Alice  ");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        UUID userId = UUID.fromString(registered.json().get("userId").asString());
        assertThat(registered.json().get("email").asString()).isEqualTo(email);

        Response login = api.login(email.toUpperCase(), TestApi.PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        JsonNode tokens = login.json();
        assertThat(tokens.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(tokens.get("refreshToken").asString()).matches("[A-Za-z0-9_-]{43}");

        Response me = api.get("/api/v1/me", tokens.get("accessToken").asString());
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("userId").asString()).isEqualTo(userId.toString());
        assertThat(me.json().get("email").asString()).isEqualTo(email);
        assertThat(me.json().get("displayName").asString()).isEqualTo("Alice");
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"TRADER\"]");
        assertThat(me.json().get("tier").asString()).isEqualTo("BASIC");
        assertThat(me.json().get("kycStatus").asString()).isEqualTo("NOT_STARTED");

        Response refreshed = api.refresh(tokens.get("refreshToken").asString());
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.json().get("refreshToken").asString()).isNotEqualTo(tokens.get("refreshToken").asString());
        assertThat(api.get("/api/v1/me", refreshed.json().get("accessToken").asString()).status()).isEqualTo(200);

        assertThat(directory.find(userId)).get().satisfies(user -> {
            assertThat(user.email()).isEqualTo(email);
            assertThat(user.roles()).containsExactly(Role.TRADER);
        });
        assertThat(directory.findByEmail(" " + email.toUpperCase())).isPresent();
    }

    @Test
    void passwordsAndRefreshTokensAreStoredHashed() {
        Session session = api.newTrader();
        String hash = jdbc.queryForObject("SELECT password_hash FROM users WHERE id = ?", String.class, session.userId());
        assertThat(hash).startsWith("{bcrypt-hmac-sha256}$2a$12$").doesNotContain(TestApi.PASSWORD);
        List<byte[]> stored = jdbc.queryForList("SELECT token_hash FROM refresh_tokens WHERE user_id = ?", byte[].class,
                session.userId());
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst()).hasSize(32)
                .isNotEqualTo(session.refreshToken().getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void passwordsLongerThanBcryptsSeventyTwoBytesWorkInFull() {
        String email = TestApi.uniqueEmail();
        String longPassword = "Ünïcödé-passphrase ".repeat(6); // 114 characters, far beyond 72 bytes of UTF-8
        assertThat(api.register(email, longPassword, "Long").status()).isEqualTo(201);
        assertThat(api.login(email, longPassword).status()).isEqualTo(200);
        assertThat(api.login(email, longPassword.substring(0, 100) + "x".repeat(14)).status()).isEqualTo(401);
    }

    @Test
    void anEmailIsTakenWhateverItsCaseOrSurroundingSpaces() {
        String email = TestApi.uniqueEmail();
        assertThat(api.register(email, TestApi.PASSWORD, "First").status()).isEqualTo(201);
        for (String again : List.of(email, email.toUpperCase(), "\t " + email + "  ")) {
            Response taken = api.register(again, TestApi.PASSWORD, "Second");
            assertThat(taken.status()).as(again).isEqualTo(409);
            assertThat(taken.contentType()).startsWith("application/problem+json");
            assertThat(taken.json().get("code").asString()).isEqualTo("EMAIL_TAKEN");
        }
    }

    @Test
    void invalidRegistrationsAre400ProblemsAndCreateNothing() {
        String email = TestApi.uniqueEmail();
        List<Map<String, Object>> invalid = List.of(
                body("not-an-email", TestApi.PASSWORD, "Bob"),
                body("bob@", TestApi.PASSWORD, "Bob"),
                body("bob@localhost", TestApi.PASSWORD, "Bob"),
                body(email, "Short1!", "Bob"),
                body(email, "alllowercaseletters", "Bob"),
                body(email, "x".repeat(129) + "1", "Bob"),
                body(email, TestApi.PASSWORD, "   "),
                body(email, TestApi.PASSWORD, "Bob\u0000"),
                body(email, TestApi.PASSWORD, "evil\u202Egnp.exe"),
                body(email, TestApi.PASSWORD, "x".repeat(65)),
                body(null, TestApi.PASSWORD, "Bob"),
                body(email, null, "Bob"),
                body(email, TestApi.PASSWORD, null),
                Map.of());
        for (Map<String, Object> request : invalid) {
            Response response = api.post("/api/v1/auth/register", request);
            assertThat(response.status()).as(request.toString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("status").asInt()).isEqualTo(400);
            assertThat(response.body()).doesNotContain(TestApi.PASSWORD).doesNotContain("Short1!");
        }
        assertThat(directory.findByEmail(email)).isEmpty();
    }

    @Test
    void missingLoginFieldsAre400() {
        assertThat(api.post("/api/v1/auth/login", Map.of("email", "a@example.com")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/auth/login", Map.of("password", TestApi.PASSWORD)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/auth/refresh", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        Session session = api.newTrader();
        Response wrongPassword = api.login(session.email(), TestApi.PASSWORD + "x");
        Response unknownEmail = api.login(TestApi.uniqueEmail(), TestApi.PASSWORD);
        for (Response response : List.of(wrongPassword, unknownEmail)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHORIZED");
        }
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownEmail.json().get("detail"));
    }

    @Test
    void aRefreshTokenWorksOnce() {
        Session session = api.newTrader();
        Response first = api.refresh(session.refreshToken());
        assertThat(first.status()).isEqualTo(200);
        Response again = api.refresh(session.refreshToken());
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(api.refresh("not-a-token-we-issued").status()).isEqualTo(401);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
        Session session = api.newTrader();
        String first = session.refreshToken();
        String second = api.refresh(first).json().get("refreshToken").asString();
        String third = api.refresh(second).json().get("refreshToken").asString();
        Session otherSession = api.signIn(session.email(), TestApi.PASSWORD); // another device: another family

        assertThat(api.refresh(first).status()).as("replay of a used token").isEqualTo(401);
        assertThat(api.refresh(third).status()).as("the newest token of the family").isEqualTo(401);
        assertThat(api.refresh(otherSession.refreshToken()).status()).as("other families live on").isEqualTo(200);

        Map<String, Object> reuse = jdbc.queryForMap(
                "SELECT actor, target, outcome, details::text AS details FROM audit_log WHERE action = 'REFRESH_TOKEN_REUSE' "
                        + "AND actor = ?", session.userId());
        assertThat(reuse.get("outcome")).isEqualTo("DENIED");
        assertThat((String) reuse.get("details")).contains("\"revokedTokens\": 3"); // all tokens of the family, used or not
        Integer live = jdbc.queryForObject("SELECT count(*) FROM refresh_tokens WHERE family_id = ?::uuid "
                + "AND revoked_at IS NULL", Integer.class, reuse.get("target"));
        assertThat(live).isZero();
    }

    @Test
    void theOpenApiDescriptionDocumentsIdentity() {
        JsonNode doc = api.get("/v3/api-docs", null).json();
        JsonNode paths = doc.get("paths");
        assertThat(paths.has("/api/v1/auth/register") && paths.has("/api/v1/auth/login")
                && paths.has("/api/v1/auth/refresh")).isTrue();
        JsonNode me = paths.get("/api/v1/me").get("get");
        assertThat(me.get("security").toString()).contains("bearerAuth");
        assertThat(me.has("parameters")).as("CurrentUser is not a request parameter").isFalse();
        assertThat(paths.get("/api/v1/auth/register").get("post").get("responses").get("409").toString())
                .contains("application/problem+json").contains("EMAIL_TAKEN");
        JsonNode password = doc.get("components").get("schemas").get("RegisterRequest").get("properties").get("password");
        assertThat(password.get("type").asString()).isEqualTo("string");
        assertThat(password.get("format").asString()).isEqualTo("password");
        assertThat(password.get("description").asString()).contains("12 to 128 characters");
    }

    private static Map<String, Object> body(String email, String password, String displayName) {
        Map<String, Object> body = new HashMap<>();
        if (email != null) {
            body.put("email", email);
        }
        if (password != null) {
            body.put("password", password);
        }
        if (displayName != null) {
            body.put("displayName", displayName);
        }
        return body;
    }
}
