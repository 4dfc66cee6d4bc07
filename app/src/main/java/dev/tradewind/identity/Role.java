package dev.tradewind.identity;

/** What a user may do. Every registered user is a TRADER; Spring Security sees {@code ROLE_<name>}. */
public enum Role {
    TRADER, ANALYST, COMPLIANCE, ADMIN
}
