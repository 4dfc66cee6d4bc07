package dev.tradewind.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256) that let the audit trail correlate personal values, such as the email
 * of failed logins, without storing them. Unlike a plain hash, nobody without the server key can
 * test guesses against it. The key is derived from the JWT signing key, so pseudonyms agree across
 * nodes that share {@code TRADEWIND_JWT_SECRET}.
 */
public final class Pseudonyms {
    private static final byte[] LABEL = "tradewind/audit-pseudonym/v1".getBytes(StandardCharsets.UTF_8);

    private final SecretKey key;

    Pseudonyms(SecretKey signingKey) {
        this.key = new SecretKeySpec(hmac(signingKey, LABEL), "HmacSHA256");
    }

    /** 64 hex characters; the same value always gives the same pseudonym. */
    public String of(String value) {
        return HexFormat.of().formatHex(hmac(key, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(SecretKey key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
