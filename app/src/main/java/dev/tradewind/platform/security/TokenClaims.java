package dev.tradewind.platform.security;

/**
 * Claims of Tradewind access tokens besides the registered ones ({@code sub} = user id, {@code iat},
 * {@code exp}, {@code jti}). Other modules read these (the rate limiter reads {@link #TIER}), so the
 * names are part of the contract.
 */
public final class TokenClaims {
    public static final String EMAIL = "email";
    /** List of role names: TRADER, ANALYST, COMPLIANCE, ADMIN. */
    public static final String ROLES = "roles";
    /** BASIC, PRO or ENTERPRISE. */
    public static final String TIER = "tier";

    private TokenClaims() {
    }
}
