package dev.tradewind.platform.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Resolves the HS256 key of access tokens: {@code TRADEWIND_JWT_SECRET} when set, otherwise a
 * 256-bit key generated once and kept in {@code <dataDir>/secrets/jwt.key} (base64url), so tokens
 * survive restarts. Never a constant; never logged.
 */
final class JwtSigningKey {
    static final int MIN_BYTES = 32;
    static final String FILE_NAME = "jwt.key";

    private final SecretKey key;

    private JwtSigningKey(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    SecretKey key() {
        return key;
    }

    @Override
    public String toString() {
        return "JwtSigningKey[HmacSHA256]";
    }

    static JwtSigningKey resolve(JwtProperties properties, Path dataDir) {
        if (!properties.secret().isBlank()) {
            byte[] key = properties.secret().getBytes(StandardCharsets.UTF_8);
            if (key.length < MIN_BYTES) {
                throw new IllegalStateException("TRADEWIND_JWT_SECRET (tradewind.jwt.secret) is " + key.length
                        + " bytes; HS256 needs at least " + MIN_BYTES + ". Set a longer random value, e.g. the "
                        + "output of `openssl rand -base64 48`, or unset it to let Tradewind generate one in the data dir");
            }
            return new JwtSigningKey(key);
        }
        Path file = SecretFiles.in(dataDir, FILE_NAME);
        String encoded = SecretFiles.readOrCreate(file, JwtSigningKey::generate);
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not base64url: delete it to generate a new key "
                    + "(everyone signs in again) or restore it from a backup");
        }
        if (key.length < MIN_BYTES) {
            throw new IllegalStateException(file + " holds a " + key.length + "-byte key, fewer than " + MIN_BYTES
                    + ": delete it to generate a new key (everyone signs in again) or restore it from a backup");
        }
        return new JwtSigningKey(key);
    }

    private static String generate() {
        byte[] key = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
}
