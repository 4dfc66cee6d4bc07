package dev.tradewind.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.tradewind.IntegrationTest;
import dev.tradewind.identity.TestApi;
import dev.tradewind.identity.TestApi.Response;
import dev.tradewind.identity.TestApi.Session;
import dev.tradewind.platform.config.PlatformProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SecurityIT extends IntegrationTest {
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformProperties platform;

    private TestApi api;

    @BeforeEach
    void client() {
        api = new TestApi(port);
    }

    @Test
    void accessTokensCarryTheDocumentedClaims() {
        Session session = api.newTrader();
        JsonNode claims = payload(session.accessToken());
        assertThat(claims.get("sub").asString()).isEqualTo(session.userId().toString());
        assertThat(claims.get("email").asString()).isEqualTo(session.email());
        assertThat(claims.get("roles").toString()).isEqualTo("[\"TRADER\"]");
        assertThat(claims.get("tier").asString()).isEqualTo("BASIC");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
        assertThat(claims.get("jti").asString()).isNotBlank();
        assertThat(header(session.accessToken()).get("alg").asString()).isEqualTo("HS256");
    }

    @Test
    void everyBadTokenIs401ProblemWithWwwAuthenticate() throws Exception {
        Session session = api.newTrader();
        byte[] appKey = appKey();
        String uid = session.userId().toString();
        Instant now = Instant.now();

        // control: a token we sign with the app's key the way the app does is accepted
        assertThat(api.get("/api/v1/me", sign(appKey, claims(uid, now, now.plusSeconds(600)))).status()).isEqualTo(200);

        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        Map<String, String> bad = Map.of(
                "expired", sign(appKey, claims(uid, now.minusSeconds(3600), now.minusSeconds(600))),
                "tampered payload", tamper(session.accessToken()),
                "alg none", new PlainJWT(claims(uid, now, now.plusSeconds(600))).serialize(),
                "wrong key", sign(otherKey, claims(uid, now, now.plusSeconds(600))),
                "no exp", sign(appKey, new JWTClaimsSet.Builder().subject(uid).claim("roles", List.of("TRADER"))
                        .issueTime(Date.from(now)).build()),
                "garbage", "not.a.jwt");
        for (var token : bad.entrySet()) {
            Response response = api.get("/api/v1/me", token.getValue());
            assertThat(response.status()).as(token.getKey()).isEqualTo(401);
            assertUnauthorizedProblem(response);
            assertThat(response.header("WWW-Authenticate")).as(token.getKey()).startsWith("Bearer").contains("invalid_token");
        }

        Response missing = api.get("/api/v1/me", null);
        assertThat(missing.status()).isEqualTo(401);
        assertUnauthorizedProblem(missing);
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aFailedAuthenticationIsAuditedWithItsPath() {
        String path = "/api/v1/protected-" + UUID.randomUUID();
        assertThat(api.get(path, null).status()).isEqualTo(401);
        assertThat(api.get(path, "not.a.jwt").status()).isEqualTo(401);
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT actor, outcome, host(client_ip) AS ip, details->>'reason' AS reason FROM audit_log "
                        + "WHERE action = 'AUTHENTICATION_FAILED' AND target = ? ORDER BY id", path);
        assertThat(rows).extracting(row -> row.get("reason")).containsExactly("MISSING_TOKEN", "INVALID_TOKEN");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("actor")).isNull();
            assertThat(row.get("outcome")).isEqualTo("FAILURE");
            assertThat(row.get("ip")).isIn("127.0.0.1", "::1");
        });
    }

    @Test
    void aTraderOnAnAdminRouteIs403AndAudited() {
        Session trader = api.newTrader();
        String path = "/api/v1/admin/users/" + trader.userId();
        Response response = api.get(path, trader.accessToken());
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'PERMISSION_DENIED' "
                + "AND actor = ? AND target = ?", Integer.class, trader.userId(), path)).isEqualTo(1);

        assertThat(api.get("/actuator/info", trader.accessToken()).status()).isEqualTo(403);
        assertThat(api.get("/actuator/info", null).status()).isEqualTo(401);
    }

    @Test
    void anAdminLooksUpUsers() {
        Session trader = api.newTrader();
        Session admin = api.newTrader();
        jdbc.update("UPDATE users SET roles = ARRAY['ADMIN', 'TRADER'] WHERE id = ?", admin.userId());
        String adminToken = api.signIn(admin.email(), TestApi.PASSWORD).accessToken(); // roles are read at sign-in

        Response user = api.get("/api/v1/admin/users/" + trader.userId(), adminToken);
        assertThat(user.status()).as(user.body()).isEqualTo(200);
        assertThat(user.json().get("userId").asString()).isEqualTo(trader.userId().toString());
        assertThat(user.json().get("email").asString()).isEqualTo(trader.email());
        assertThat(user.json().get("createdAt").asString()).endsWith("Z");

        Response missing = api.get("/api/v1/admin/users/" + UUID.randomUUID(), adminToken);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/actuator/info", adminToken).status()).isEqualTo(200);
    }

    @Test
    void publicRoutesNeedNoToken() {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(200);
        for (String path : List.of("/api/v1/instruments", "/api/v1/markets/BTC-USD/ticker", "/", "/index.html",
                "/assets/app.js", "/favicon.ico")) {
            assertThat(api.get(path, null).status()).as(path).isNotIn(401, 403);
        }
        assertThat(api.get("/api/v1/orders", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/instruments", "{}", null).status()).isEqualTo(401);
    }

    @Test
    void theAuthEndpointsIgnoreAStaleAuthorizationHeader() {
        Session session = api.newTrader();
        Response refreshed = api.post("/api/v1/auth/refresh",
                TestApi.json(Map.of("refreshToken", session.refreshToken())), "expired.or.garbage");
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
    }

    @Test
    void responsesCarryTheSecurityHeaders() {
        Response response = api.get("/actuator/health", null);
        assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'self'; "
                + "connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                + "frame-ancestors 'none'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("Strict-Transport-Security")).startsWith("max-age=31536000");
        assertThat(response.raw().headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theGeneratedJwtKeyIsOwnerOnlyAnd256Bits() throws Exception {
        Path file = SecretFiles.in(platform.dataDir(), JwtSigningKey.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(appKey()).hasSize(32);
    }

    private byte[] appKey() throws Exception {
        Path file = SecretFiles.in(platform.dataDir(), JwtSigningKey.FILE_NAME);
        return Base64.getUrlDecoder().decode(Files.readString(file).trim());
    }

    private static JWTClaimsSet claims(String subject, Instant issued, Instant expires) {
        return new JWTClaimsSet.Builder().subject(subject).claim("roles", List.of("TRADER")).claim("tier", "BASIC")
                .issueTime(Date.from(issued)).expirationTime(Date.from(expires)).jwtID(UUID.randomUUID().toString())
                .build();
    }

    private static String sign(byte[] key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    /** Grants ADMIN in the payload and keeps the original signature. */
    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("[\"TRADER\"]", "[\"ADMIN\",\"TRADER\"]");
        assertThat(payload).contains("ADMIN");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static JsonNode payload(String token) {
        return part(token, 1);
    }

    private static JsonNode header(String token) {
        return part(token, 0);
    }

    private static JsonNode part(String token, int index) {
        return JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
    }

    private static void assertUnauthorizedProblem(Response response) {
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertThat(response.json().get("type").asString()).isEqualTo("https://tradewind.dev/problems/unauthorized");
    }
}
