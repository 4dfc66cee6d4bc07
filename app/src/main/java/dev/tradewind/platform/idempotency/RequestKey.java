package dev.tradewind.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What an {@code Idempotency-Key} is scoped to: the caller ({@code user:<id>} or, anonymous,
 * {@code ip:<address>}), the method, the path and the key itself. Two users may use the same key.
 */
record RequestKey(String scope, String method, String path, String key) {

    /** Primary key of the row: SHA-256 over the length-prefixed parts, so no two keys can blur together. */
    byte[] id() {
        MessageDigest digest = sha256();
        for (String part : new String[] {scope, method, path, key}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            digest.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                    (byte) (bytes.length >>> 8), (byte) bytes.length});
            digest.update(bytes);
        }
        return digest.digest();
    }

    static byte[] hash(byte[] body) {
        return sha256().digest(body);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
