package dev.tradewind.platform.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency keys in PostgreSQL (table {@code idempotency_keys}, {@code V6__idempotency.sql}).
 * Every statement runs on its own (auto-commit): the claim is an {@code INSERT ... ON CONFLICT DO
 * NOTHING} on the primary key, so of any number of concurrent requests, on any number of app
 * instances, exactly one inserts the row and runs.
 */
class IdempotencyStore {
    /** Enough for a claim to survive a release, purge or takeover racing with it; more means a bug. */
    private static final int MAX_ATTEMPTS = 5;
    private static final int PURGE_BATCH = 1000;
    private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration ttl;
    private final Duration inProgressTimeout;

    IdempotencyStore(JdbcClient jdbc, JsonMapper json, Clock clock, Duration ttl, Duration inProgressTimeout) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.ttl = ttl;
        this.inProgressTimeout = inProgressTimeout;
    }

    private record Row(byte[] requestHash, String state, UUID claimToken, Instant claimedAt, Instant expiresAt,
                       Integer status, String contentType, String headers, byte[] body) {
    }

    /** Claims {@code key} for a request whose body hashes to {@code requestHash}, or says why not. */
    Claim claim(RequestKey key, byte[] requestHash) {
        byte[] id = key.id();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            UUID token = UUID.randomUUID();
            int inserted = jdbc.sql("""
                            INSERT INTO idempotency_keys (id, scope, method, path, idem_key, request_hash, state,
                                                          claim_token, claimed_at, expires_at)
                            VALUES (:id, :scope, :method, :path, :key, :hash, 'IN_PROGRESS', :token, :now, :expires)
                            ON CONFLICT (id) DO NOTHING""")
                    .param("id", id).param("scope", key.scope()).param("method", key.method())
                    .param("path", key.path()).param("key", key.key()).param("hash", requestHash)
                    .param("token", token).param("now", Timestamp.from(now))
                    .param("expires", Timestamp.from(now.plus(ttl)))
                    .update();
            if (inserted == 1) {
                return new Claim.Acquired(token);
            }
            Optional<Row> found = find(id);
            if (found.isEmpty()) {
                continue; // released or purged since our insert: try again
            }
            Row row = found.get();
            if (!row.expiresAt().isAfter(now)) {
                // expired but not purged yet: as good as absent
                jdbc.sql("DELETE FROM idempotency_keys WHERE id = :id AND claim_token = :token")
                        .param("id", id).param("token", row.claimToken()).update();
                continue;
            }
            if (!Arrays.equals(row.requestHash(), requestHash)) {
                return new Claim.Mismatch();
            }
            if ("COMPLETED".equals(row.state())) {
                return new Claim.Replay(new StoredResponse(row.status(), row.contentType(),
                        json.readValue(row.headers(), HEADERS), row.body()));
            }
            if (row.claimedAt().plus(inProgressTimeout).isAfter(now)) {
                return new Claim.InProgress();
            }
            // abandoned (its instance died mid-request): take it over, unless someone else just did
            int taken = jdbc.sql("""
                            UPDATE idempotency_keys SET claim_token = :token, claimed_at = :now
                            WHERE id = :id AND claim_token = :old AND state = 'IN_PROGRESS'""")
                    .param("token", token).param("now", Timestamp.from(now))
                    .param("id", id).param("old", row.claimToken())
                    .update();
            if (taken == 1) {
                return new Claim.Acquired(token);
            }
        }
        throw new IllegalStateException("Could not claim an idempotency key in " + MAX_ATTEMPTS
                + " attempts: its row kept changing under us");
    }

    /** Stores the response of a claimed request; false when the claim was lost (taken over or purged). */
    boolean complete(RequestKey key, UUID token, StoredResponse response) {
        return jdbc.sql("""
                        UPDATE idempotency_keys
                        SET state = 'COMPLETED', completed_at = :now, response_status = :status,
                            response_content_type = :contentType, response_headers = CAST(:headers AS jsonb),
                            response_body = :body
                        WHERE id = :id AND claim_token = :token AND state = 'IN_PROGRESS'""")
                .param("now", Timestamp.from(clock.instant())).param("status", response.status())
                .param("contentType", response.contentType())
                .param("headers", json.writeValueAsString(response.headers()))
                .param("body", response.body())
                .param("id", key.id()).param("token", token)
                .update() == 1;
    }

    /** Forgets a claimed request that failed, so a retry runs it again. */
    void release(RequestKey key, UUID token) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE id = :id AND claim_token = :token AND state = 'IN_PROGRESS'")
                .param("id", key.id()).param("token", token)
                .update();
    }

    /** Deletes expired keys in small batches (short locks); returns how many. */
    int purgeExpired() {
        Timestamp now = Timestamp.from(clock.instant());
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                            DELETE FROM idempotency_keys WHERE id IN (
                                SELECT id FROM idempotency_keys WHERE expires_at <= :now LIMIT :batch)""")
                    .param("now", now).param("batch", PURGE_BATCH)
                    .update();
            total += deleted;
        } while (deleted == PURGE_BATCH);
        return total;
    }

    private Optional<Row> find(byte[] id) {
        return jdbc.sql("""
                        SELECT request_hash, state, claim_token, claimed_at, expires_at, response_status,
                               response_content_type, response_headers::text AS response_headers, response_body
                        FROM idempotency_keys WHERE id = :id""")
                .param("id", id)
                .query((rs, n) -> new Row(rs.getBytes("request_hash"), rs.getString("state"),
                        rs.getObject("claim_token", UUID.class), rs.getTimestamp("claimed_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(), (Integer) rs.getObject("response_status"),
                        rs.getString("response_content_type"), rs.getString("response_headers"),
                        rs.getBytes("response_body")))
                .optional();
    }
}
