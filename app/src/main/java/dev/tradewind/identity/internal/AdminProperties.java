package dev.tradewind.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bootstrap administrator, created at start when both are set and no account has this email.
 *
 * @param email    {@code TRADEWIND_ADMIN_EMAIL}
 * @param password {@code TRADEWIND_ADMIN_PASSWORD}; must satisfy the password policy
 */
@ConfigurationProperties("tradewind.admin")
public record AdminProperties(@DefaultValue("") String email, @DefaultValue("") String password) {

    boolean configured() {
        return !email.isBlank() || !password.isEmpty();
    }

    @Override
    public String toString() {
        return "AdminProperties[email=" + (email.isBlank() ? "<unset>" : "<set>")
                + ", password=" + (password.isEmpty() ? "<unset>" : "<set>") + "]";
    }
}
