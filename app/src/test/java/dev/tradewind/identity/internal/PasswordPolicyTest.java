package dev.tradewind.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "Correcthorsebattery", "123456789012a", "abcd-efgh-ijkl-mnop",
            "ÜBERSICHERHEIT1", "パスワードパスワード12", "Ab1!Ab1!Ab1!"})
    void accepts(String password) {
        assertThat(PasswordPolicy.violation(password)).isEmpty();
    }

    @Test
    void needsTwelveToOneHundredTwentyEightCharacters() {
        assertThat(PasswordPolicy.violation("Ab1!Ab1!Ab1")).hasValueSatisfying(why -> assertThat(why).contains("12 to 128"));
        assertThat(PasswordPolicy.violation("a1".repeat(64))).isEmpty();
        assertThat(PasswordPolicy.violation("a1".repeat(64) + "a")).hasValueSatisfying(why -> assertThat(why).contains("128"));
        // counted in characters (code points), not UTF-16 units: 12 emoji are 24 chars in Java
        assertThat(PasswordPolicy.violation("😀".repeat(11) + "a")).isEmpty();
        assertThat(PasswordPolicy.violation("😀".repeat(10) + "a")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alllowercaseletters", "ALLUPPERCASELETTERS", "123456789012345", "!@#$%^&*()_+-=",
            "            ", "aaaaaaaaaaaaaaaa"})
    void rejectsASingleCharacterClass(String password) {
        assertThat(PasswordPolicy.violation(password)).hasValueSatisfying(why -> assertThat(why).contains("at least two"));
    }

    @Test
    void rejectsControlCharacters() {
        assertThat(PasswordPolicy.violation("correct horse\u0000battery")).hasValue("must not contain control characters");
        assertThat(PasswordPolicy.violation("correct horse\nbattery")).hasValue("must not contain control characters");
    }

    @Test
    void neverRepeatsThePassword() {
        String password = "tooshort";
        assertThat(PasswordPolicy.violation(password)).hasValueSatisfying(why -> assertThat(why).doesNotContain(password));
    }
}
