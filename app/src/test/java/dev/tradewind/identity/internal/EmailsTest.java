package dev.tradewind.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailsTest {
    @Test
    void normalizingTrimsAndLowerCases() {
        assertThat(Emails.normalize("  Alice.Smith+Tag@Example.COM\t")).isEqualTo("alice.smith+tag@example.com");
        assertThat(Emails.normalize("\u2003bob@example.com\u2003")).isEqualTo("bob@example.com"); // Unicode spaces too
        assertThat(Emails.normalize(null)).isNull();
    }

    @Test
    void lowerCasingDoesNotDependOnTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr")); // Turkish: "I" would become a dotless "ı"
            assertThat(Emails.normalize("TIM@EXAMPLE.COM")).isEqualTo("tim@example.com");
        } finally {
            Locale.setDefault(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@example.com", "alice.smith+tag@sub.example.co.uk", "o'hara@example.ie",
            "demo@tradewind.local", "x_y-z@a-b.example", "1@2.io", "a@xn--bcher-kva.example"})
    void acceptsPracticalAddresses(String email) {
        assertThat(Emails.isValid(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.com", "alice@", "alice@localhost", "alice@@example.com",
            "al@ice@example.com", ".alice@example.com", "alice.@example.com", "al..ice@example.com",
            "alice@-example.com", "alice@example-.com", "alice@example..com", "alice@example.com.", "alice @example.com",
            "alice@exa mple.com", "alïce@example.com", "alice@example.c0m1", "alice@[127.0.0.1]", "alice@127.0.0.1"})
    void rejectsEverythingElse(String email) {
        assertThat(Emails.isValid(email)).isFalse();
    }

    @Test
    void enforcesLengthLimits() {
        assertThat(Emails.isValid("a".repeat(64) + "@example.com")).isTrue();
        assertThat(Emails.isValid("a".repeat(65) + "@example.com")).isFalse();
        String longDomain = ("b".repeat(60) + ".").repeat(4) + "com"; // 247 characters
        assertThat(Emails.isValid("aaaaaa@" + longDomain)).isTrue(); // 254 characters
        assertThat(Emails.isValid("aaaaaaa@" + longDomain)).isFalse(); // 255
    }
}
