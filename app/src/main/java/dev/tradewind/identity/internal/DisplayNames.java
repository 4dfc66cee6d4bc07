package dev.tradewind.identity.internal;

import java.util.Optional;

/** Display names: trimmed, 1 to 64 characters, no control or text-direction characters. */
final class DisplayNames {
    static final int MAX_LENGTH = 64;

    private DisplayNames() {
    }

    static String normalize(String displayName) {
        return displayName == null ? null : displayName.strip();
    }

    /** Why an already normalized name is not acceptable, or empty when it is. */
    static Optional<String> violation(String normalized) {
        int length = normalized.codePointCount(0, normalized.length());
        if (length < 1 || length > MAX_LENGTH) {
            return Optional.of("must be 1 to " + MAX_LENGTH + " characters long");
        }
        for (int i = 0; i < normalized.length(); ) {
            int c = normalized.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isISOControl(c) || isLineOrDirectionControl(c)) {
                return Optional.of("must not contain control characters");
            }
        }
        return Optional.empty();
    }

    // Bidi overrides and isolates can make a name display as someone else's (U+202E "RTL override").
    private static boolean isLineOrDirectionControl(int c) {
        int type = Character.getType(c);
        return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
    }
}
