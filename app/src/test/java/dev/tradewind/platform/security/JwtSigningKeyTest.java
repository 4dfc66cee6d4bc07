package dev.tradewind.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtSigningKeyTest {
    @TempDir
    Path dataDir;

    @Test
    void aConfiguredSecretShorterThan32BytesStopsTheStartWithoutShowingIt() {
        String secret = "only-thirty-one-bytes-long-abcd";
        assertThatThrownBy(() -> JwtSigningKey.resolve(properties(secret), dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TRADEWIND_JWT_SECRET").hasMessageContaining("31 bytes")
                .hasMessageContaining("at least 32").hasMessageNotContaining(secret);
    }

    @Test
    void aConfiguredSecretIsUsedAsIsAndNothingIsWritten() {
        JwtSigningKey key = JwtSigningKey.resolve(properties("x".repeat(32)), dataDir);
        assertThat(key.key().getEncoded()).isEqualTo("x".repeat(32).getBytes());
        assertThat(dataDir.resolve("secrets")).doesNotExist();
        assertThat(properties("x".repeat(32)).toString()).doesNotContain("xxxx");
    }

    @Test
    void withoutASecretAKeyIsGeneratedOnceOwnerOnlyAndReused() throws Exception {
        JwtSigningKey first = JwtSigningKey.resolve(properties(""), dataDir);
        Path file = dataDir.resolve("secrets").resolve("jwt.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(first.key().getEncoded()).hasSize(32);
        assertThat(JwtSigningKey.resolve(properties(""), dataDir).key().getEncoded()).isEqualTo(first.key().getEncoded());
        assertThat(dataDir.resolve("other")).doesNotExist();
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temp file left behind
        }
    }

    @Test
    void aKeyFileOpenToOthersIsRestricted() throws Exception {
        JwtSigningKey.resolve(properties(""), dataDir);
        Path file = dataDir.resolve("secrets").resolve("jwt.key");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        JwtSigningKey.resolve(properties(""), dataDir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aDamagedKeyFileStopsTheStartWithWhatToDo() throws Exception {
        Path file = dataDir.resolve("secrets").resolve("jwt.key");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "c2hvcnQ");
        assertThatThrownBy(() -> JwtSigningKey.resolve(properties(""), dataDir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("delete it");
    }

    private static JwtProperties properties(String secret) {
        return new JwtProperties(secret, Duration.ofMinutes(15), Duration.ofDays(7));
    }
}
