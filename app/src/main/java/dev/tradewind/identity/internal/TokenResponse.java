package dev.tradewind.identity.internal;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A session: a short-lived access token and a single-use refresh token")
record TokenResponse(
        @Schema(description = "JWT (HS256) to send as `Authorization: Bearer <accessToken>`; claims: sub (user id), "
                + "email, roles, tier, iat, exp, jti") String accessToken,
        @Schema(description = "Opaque token for POST /api/v1/auth/refresh; valid once (each refresh returns a new "
                + "one), 7 days by default. Presenting a used one again revokes the whole session") String refreshToken,
        @Schema(description = "Always Bearer", example = "Bearer") String tokenType,
        @Schema(description = "Seconds until the access token expires", example = "900") long expiresIn) {

    static TokenResponse of(Sessions.Tokens tokens) {
        return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), "Bearer", tokens.expiresIn());
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + "]";
    }
}
