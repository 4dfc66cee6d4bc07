package dev.tradewind.identity.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Email addresses as Tradewind stores them: trimmed and lower-cased, so one mailbox is one account
 * whatever the case or surrounding spaces. Valid means a practical subset of RFC 5321: ASCII,
 * a dot-atom local part of at most 64 characters, and a domain of at least two DNS labels whose
 * last is alphabetic (or punycode).
 */
final class Emails {
    static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART = 64;
    private static final Pattern LOCAL_PART =
            Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN =
            Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})");

    private Emails() {
    }

    static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether an already normalized address is acceptable. */
    static boolean isValid(String normalized) {
        if (normalized == null || normalized.isEmpty() || normalized.length() > MAX_LENGTH) {
            return false;
        }
        int at = normalized.lastIndexOf('@');
        if (at <= 0 || at != normalized.indexOf('@') || at > MAX_LOCAL_PART) {
            return false;
        }
        String local = normalized.substring(0, at);
        String domain = normalized.substring(at + 1);
        return LOCAL_PART.matcher(local).matches() && DOMAIN.matcher(domain).matches();
    }
}
