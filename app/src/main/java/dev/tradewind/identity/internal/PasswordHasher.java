package dev.tradewind.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * BCrypt (cost 12) over a pre-hash of the password. BCrypt reads at most 72 bytes (Spring's encoder
 * refuses longer input) while the policy allows 128 characters of any script, so the password, NFC
 * normalized, is first reduced with HMAC-SHA256 under a fixed label and base64-encoded (44 ASCII
 * bytes, no NUL). The label keeps the stored hash from being tested against unsalted SHA-256 dumps.
 * Stored as {@code {bcrypt-hmac-sha256}$2a$12$...}, so a later scheme can sit beside it.
 */
@Component
class PasswordHasher {
    static final int BCRYPT_COST = 12;
    private static final String PREFIX = "{bcrypt-hmac-sha256}";
    private static final byte[] LABEL = "tradewind/password-prehash/v1".getBytes(StandardCharsets.UTF_8);

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(BCRYPT_COST);
    /** Checked when the email is unknown, so that login takes as long whether the account exists or not. */
    private final String dummyHash;

    PasswordHasher() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.dummyHash = hash(Base64.getEncoder().encodeToString(random));
    }

    String hash(String password) {
        return PREFIX + bcrypt.encode(prehash(password));
    }

    boolean matches(String password, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return false;
        }
        return bcrypt.matches(prehash(password), stored.substring(PREFIX.length()));
    }

    /** Spends the time of one {@link #matches} and returns false. */
    boolean matchesNothing(String password) {
        matches(password, dummyHash);
        return false;
    }

    private static String prehash(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(LABEL, "HmacSHA256"));
            byte[] digest = mac.doFinal(Normalizer.normalize(password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
