package dev.tradewind.identity.internal;

import java.util.Optional;

/**
 * The password policy (also stated in the OpenAPI description of register): 12 to 128 characters,
 * no control characters, and not all of one class: at least two of lowercase letters, uppercase
 * letters, digits, and others (symbols, spaces, letters without case). Length beats complexity, so
 * the policy asks for length first and only a little mixing.
 */
final class PasswordPolicy {
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    static final String DESCRIPTION = "12 to 128 characters, no control characters, and at least two of: "
            + "lowercase letters, uppercase letters, digits, other characters (symbols, spaces, letters without case)";

    private PasswordPolicy() {
    }

    /** Why the password is not acceptable (never repeating it), or empty when it is. */
    static Optional<String> violation(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); ) {
            int c = password.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isISOControl(c)) {
                return Optional.of("must not contain control characters");
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        if (classes < 2) {
            return Optional.of("must mix at least two of: lowercase letters, uppercase letters, digits, "
                    + "other characters");
        }
        return Optional.empty();
    }
}
