package dev.tradewind.identity;

import dev.tradewind.platform.security.TokenClaims;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller of an authenticated request, read from its access token (no database access).
 * Controllers may take it as a parameter; elsewhere use {@link #of(Authentication)} or {@link #current()}.
 * Roles and tier are as of the token's issue (at most one access-token lifetime old); read
 * {@link UserDirectory} for the current state.
 */
public record CurrentUser(UUID userId, String email, Set<Role> roles, Tier tier) {

    public CurrentUser {
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles)); // in declaration order
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** @throws IllegalArgumentException when the authentication is not a Tradewind access token */
    public static CurrentUser of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new IllegalArgumentException("Not authenticated with a Tradewind access token: "
                    + (authentication == null ? "no authentication" : authentication.getClass().getSimpleName()));
        }
        Jwt jwt = token.getToken();
        return new CurrentUser(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString(TokenClaims.EMAIL),
                roles(jwt.getClaim(TokenClaims.ROLES)), tier(jwt.getClaimAsString(TokenClaims.TIER)));
    }

    /** The user id of an authenticated request. */
    public static UUID userId(Authentication authentication) {
        return of(authentication).userId();
    }

    /** The caller of the request on this thread, if it carries a valid access token. */
    public static Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken) {
            return Optional.of(of(authentication));
        }
        return Optional.empty();
    }

    private static Set<Role> roles(Object claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claim instanceof Collection<?> names) {
            for (Object name : names) {
                for (Role role : Role.values()) {
                    if (role.name().equals(String.valueOf(name))) {
                        roles.add(role); // a role unknown to this version is ignored, not fatal
                    }
                }
            }
        }
        return roles;
    }

    private static Tier tier(String claim) {
        for (Tier tier : Tier.values()) {
            if (tier.name().equals(claim)) {
                return tier;
            }
        }
        return Tier.BASIC;
    }
}
