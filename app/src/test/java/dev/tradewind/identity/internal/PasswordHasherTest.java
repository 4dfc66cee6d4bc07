package dev.tradewind.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesWithBcryptCostTwelveAndASaltPerHash() {
        String first = hasher.hash("correct horse battery 9");
        assertThat(first).startsWith("{bcrypt-hmac-sha256}$2a$12$").doesNotContain("correct");
        assertThat(hasher.hash("correct horse battery 9")).isNotEqualTo(first);
        assertThat(hasher.matches("correct horse battery 9", first)).isTrue();
        assertThat(hasher.matches("correct horse battery 8", first)).isFalse();
    }

    @Test
    void everyCharacterCountsBeyondBcryptsSeventyTwoBytes() {
        String prefix = "p".repeat(100) + "A1";
        String stored = hasher.hash(prefix + "x");
        assertThat(hasher.matches(prefix + "x", stored)).isTrue();
        assertThat(hasher.matches(prefix + "y", stored)).isFalse();
    }

    @Test
    void unicodeNormalizationFormsMatch() {
        String composed = "caf\u00e9 au lait 1";
        String decomposed = "cafe\u0301 au lait 1";
        assertThat(hasher.matches(decomposed, hasher.hash(composed))).isTrue();
    }

    @Test
    void unknownSchemesNeverMatch() {
        assertThat(hasher.matches("anything", "$2a$12$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz012")).isFalse();
        assertThat(hasher.matches("anything", null)).isFalse();
        assertThat(hasher.matchesNothing("anything")).isFalse();
    }
}
