package dev.tradewind.identity.internal;

import dev.tradewind.identity.Role;
import dev.tradewind.platform.audit.AuditActions;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator from {@code TRADEWIND_ADMIN_EMAIL} / {@code TRADEWIND_ADMIN_PASSWORD}
 * when no account has that email. An existing account is left as it is (its password is not reset).
 * Bad settings stop the start with a message saying which one.
 */
@Component
class AdminBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AdminProperties admin;
    private final UserStore users;
    private final Accounts accounts;

    AdminBootstrap(AdminProperties admin, UserStore users, Accounts accounts) {
        this.admin = admin;
        this.users = users;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!admin.configured()) {
            return;
        }
        if (admin.email().isBlank() || admin.password().isEmpty()) {
            throw new IllegalStateException("Set both TRADEWIND_ADMIN_EMAIL and TRADEWIND_ADMIN_PASSWORD "
                    + "(tradewind.admin.email / .password) to create the bootstrap admin, or neither");
        }
        String email = Emails.normalize(admin.email());
        if (!Emails.isValid(email)) {
            throw new IllegalStateException("TRADEWIND_ADMIN_EMAIL is not a valid email address");
        }
        PasswordPolicy.violation(admin.password()).ifPresent(why -> {
            throw new IllegalStateException("TRADEWIND_ADMIN_PASSWORD " + why + " (policy: "
                    + PasswordPolicy.DESCRIPTION + ")");
        });
        if (users.findByEmail(email).isPresent()) {
            log.info("Bootstrap admin: an account with TRADEWIND_ADMIN_EMAIL already exists; left unchanged");
            return;
        }
        accounts.createBySystem(email, admin.password(), "Administrator", EnumSet.of(Role.ADMIN, Role.TRADER),
                        AuditActions.ADMIN_BOOTSTRAPPED)
                .ifPresentOrElse(user -> log.info("Bootstrap admin created (user id {})", user.id()),
                        () -> log.info("Bootstrap admin: created concurrently by another node; left unchanged"));
    }
}
