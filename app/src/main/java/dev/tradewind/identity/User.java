package dev.tradewind.identity;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A Tradewind account as other modules see it (never its password hash).
 *
 * @param email normalized: trimmed and lower-case
 */
public record User(UUID id, String email, String displayName, Set<Role> roles, Tier tier, KycStatus kycStatus,
                   Instant createdAt) {

    public User {
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles)); // in declaration order
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
