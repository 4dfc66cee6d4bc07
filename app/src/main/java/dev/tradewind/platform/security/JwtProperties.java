package dev.tradewind.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Session token settings.
 *
 * @param secret          HS256 key for access tokens ({@code TRADEWIND_JWT_SECRET}), at least 32 bytes;
 *                        empty means: generate one once and keep it in {@code <dataDir>/secrets/jwt.key}
 * @param accessTokenTtl  lifetime of an access token ({@code TRADEWIND_JWT_ACCESS_TOKEN_TTL})
 * @param refreshTokenTtl lifetime of a refresh token; each rotation issues a fresh one
 *                        ({@code TRADEWIND_JWT_REFRESH_TOKEN_TTL})
 */
@ConfigurationProperties("tradewind.jwt")
public record JwtProperties(
        @DefaultValue("") String secret,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("7d") Duration refreshTokenTtl) {

    public JwtProperties {
        if (accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
            throw new IllegalArgumentException("tradewind.jwt.access-token-ttl must be positive, was " + accessTokenTtl);
        }
        if (refreshTokenTtl.isNegative() || refreshTokenTtl.isZero()) {
            throw new IllegalArgumentException("tradewind.jwt.refresh-token-ttl must be positive, was " + refreshTokenTtl);
        }
    }

    @Override
    public String toString() { // keeps the secret out of logs and failure analyses
        return "JwtProperties[secret=" + (secret.isBlank() ? "<generated>" : "<set>")
                + ", accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl=" + refreshTokenTtl + "]";
    }
}
