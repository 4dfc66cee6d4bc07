package dev.tradewind.streams.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Verifies the access token of {@code op:auth} with the application's {@link JwtDecoder} (signature,
 * algorithm, claims), and then strictly against the clock: the decoder tolerates a minute of clock skew,
 * but a token past its {@code exp} must not open private channels that its expiry would close at once.
 */
@Component
class AccessTokens {
    record Verified(UUID userId, Instant expiresAt) {
    }

    private final JwtDecoder decoder;

    AccessTokens(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    Optional<Verified> verify(String token, Instant now) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException invalid) {
            return Optional.empty();
        }
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null || !expiresAt.isAfter(now) || jwt.getSubject() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Verified(UUID.fromString(jwt.getSubject()), expiresAt));
        } catch (IllegalArgumentException notAUserId) {
            return Optional.empty();
        }
    }
}
