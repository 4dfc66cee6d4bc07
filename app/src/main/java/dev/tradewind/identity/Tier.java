package dev.tradewind.identity;

/** Commercial tier: drives rate limits (the {@code tier} token claim) and, later, fees. */
public enum Tier {
    BASIC, PRO, ENTERPRISE
}
