package dev.tradewind.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayNamesTest {
    @Test
    void trimsAndAcceptsOneToSixtyFourCharacters() {
        assertThat(DisplayNames.normalize("  Alice  ")).isEqualTo("Alice");
        assertThat(DisplayNames.violation("A")).isEmpty();
        assertThat(DisplayNames.violation("Zoë Ünal-Ödegaard 山田")).isEmpty();
        assertThat(DisplayNames.violation("x".repeat(64))).isEmpty();
        assertThat(DisplayNames.violation("x".repeat(65))).isPresent();
        assertThat(DisplayNames.violation(DisplayNames.normalize("   "))).isPresent();
    }

    @Test
    void rejectsControlAndTextDirectionCharacters() {
        for (String name : new String[] {"a\u0000b", "tab\there", "line\nbreak", "evil\u202Egnp.exe", "iso\u2066late",
                "sep\u2028arator"}) {
            assertThat(DisplayNames.violation(name)).as(name).hasValue("must not contain control characters");
        }
    }
}
