package dev.tradewind.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code refresh_tokens} table. A refresh token is 256 random bits, base64url; only its SHA-256
 * is stored, so a database dump yields no usable token.
 */
@Repository
class RefreshTokenStore {
    private static final int TOKEN_BYTES = 32;

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    RefreshTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredToken(UUID id, UUID familyId, UUID userId, Instant expiresAt, Instant usedAt, Instant revokedAt) {
    }

    /** Creates a token in {@code familyId} and returns it; the caller hands it to the client and forgets it. */
    String issue(UUID userId, UUID familyId, Instant now, Instant expiresAt) {
        byte[] raw = new byte[TOKEN_BYTES];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbc.sql("""
                        INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, issued_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), familyId, userId, sha256(token), utc(now), utc(expiresAt))
                .update();
        return token;
    }

    /** The token row, locked until the transaction ends, so that two concurrent uses serialize. */
    Optional<StoredToken> lock(String token) {
        return jdbc.sql("""
                        SELECT id, family_id, user_id, expires_at, used_at, revoked_at
                        FROM refresh_tokens WHERE token_hash = ? FOR UPDATE""")
                .param(sha256(token))
                .query((rs, row) -> new StoredToken(rs.getObject("id", UUID.class), rs.getObject("family_id", UUID.class),
                        rs.getObject("user_id", UUID.class), instant(rs.getObject("expires_at", OffsetDateTime.class)),
                        instant(rs.getObject("used_at", OffsetDateTime.class)),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class))))
                .optional();
    }

    void markUsed(UUID tokenId, Instant now) {
        jdbc.sql("UPDATE refresh_tokens SET used_at = ? WHERE id = ?").params(utc(now), tokenId).update();
    }

    /** Revokes every token of the family; returns how many were still live. */
    int revokeFamily(UUID familyId, Instant now) {
        return jdbc.sql("UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL")
                .params(utc(now), familyId).update();
    }

    /** Housekeeping at login: expired tokens of the user are useless, even for reuse detection. */
    void deleteExpired(UUID userId, Instant now) {
        jdbc.sql("DELETE FROM refresh_tokens WHERE user_id = ? AND expires_at < ?").params(userId, utc(now)).update();
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
