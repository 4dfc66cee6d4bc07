package dev.tradewind.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewind.IntegrationTest;
import dev.tradewind.identity.TestApi;
import dev.tradewind.identity.TestApi.Session;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

class AuditIT extends IntegrationTest {
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog audit;

    private TestApi api;

    @BeforeEach
    void client() {
        api = new TestApi(port);
    }

    @Test
    void securityEventsOfASessionAreAudited() {
        Session session = api.newTrader();
        String refreshed = api.refresh(session.refreshToken()).json().get("refreshToken").asString();
        assertThat(api.login(session.email(), "wrong password 123").status()).isEqualTo(401);

        List<String> actions = jdbc.queryForList("SELECT action FROM audit_log WHERE actor = ? AND action NOT LIKE '% %' "
                + "ORDER BY id", String.class, session.userId());
        assertThat(actions).containsExactly("REGISTER", "LOGIN_SUCCESS", "TOKEN_REFRESH");
        assertThat(refreshed).isNotBlank();

        Map<String, Object> failure = jdbc.queryForMap("SELECT target, actor, details->>'knownAccount' AS known "
                + "FROM audit_log WHERE action = 'LOGIN_FAILURE' ORDER BY id DESC LIMIT 1");
        assertThat((String) failure.get("target")).matches("[0-9a-f]{64}"); // keyed hash, not the email
        assertThat(failure.get("actor")).isNull();
        assertThat(failure.get("known")).isEqualTo("true");
    }

    @Test
    void everyStateChangingApiRequestIsAudited() {
        Session session = api.newTrader();
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_log", Long.class);

        api.post("/api/v1/auth/register", Map.of("email", "bad"));
        api.post("/api/v1/me", "{}", session.accessToken()); // no such method: still a state-changing request
        api.post("/api/v1/anything", "{}", null);
        api.get("/api/v1/me", session.accessToken()); // reads are not audited

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT action, outcome, actor, host(client_ip) AS ip "
                + "FROM audit_log WHERE id > ? AND action LIKE '% /api/%' ORDER BY id", before);
        assertThat(rows).extracting(row -> row.get("action") + " " + row.get("outcome")).containsExactly(
                "POST /api/v1/auth/register 400", "POST /api/v1/me 405", "POST /api/v1/anything 401");
        assertThat(rows.get(0).get("actor")).isNull();
        assertThat(rows.get(1).get("actor")).isEqualTo(session.userId());
        assertThat(rows).allSatisfy(row -> assertThat(row.get("ip")).isIn("127.0.0.1", "::1"));
    }

    @Test
    void theLogHoldsNoEmailsOrSecrets() {
        Session session = api.newTrader();
        api.login(session.email(), "wrong password 123");
        Integer leaks = jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE coalesce(target, '') LIKE '%@%' "
                + "OR details::text LIKE '%@%' OR details::text LIKE ? OR details::text LIKE ?", Integer.class,
                "%" + session.refreshToken() + "%", "%" + TestApi.PASSWORD + "%");
        assertThat(leaks).isZero();
    }

    @Test
    void recordFromAnotherModuleKeepsItsFields() {
        UUID actor = UUID.randomUUID();
        audit.record(AuditEvent.of("ADJUSTMENT_POSTED", AuditEvent.SUCCESS).withActor(actor).withTarget("entry-42")
                .withDetail("asset", "USD").withClientIp("203.0.113.7").withRequestId("req-1"));
        Map<String, Object> row = jdbc.queryForMap("SELECT action, target, outcome, host(client_ip) AS ip, request_id, "
                + "details->>'asset' AS asset, occurred_at FROM audit_log WHERE actor = ?", actor);
        assertThat(row).containsEntry("action", "ADJUSTMENT_POSTED").containsEntry("target", "entry-42")
                .containsEntry("ip", "203.0.113.7").containsEntry("request_id", "req-1").containsEntry("asset", "USD");
        assertThat(row.get("occurred_at")).isNotNull();
    }

    @Test
    void theDatabaseRejectsUpdateDeleteAndTruncate() {
        audit.record(AuditEvent.of("TEST_EVENT", AuditEvent.SUCCESS));
        long id = jdbc.queryForObject("SELECT max(id) FROM audit_log", Long.class);
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_log SET outcome = 'FORGED' WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_log WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_log"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT outcome FROM audit_log WHERE id = ?", String.class, id)).isEqualTo("SUCCESS");
    }
}
