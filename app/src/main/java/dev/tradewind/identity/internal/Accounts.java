package dev.tradewind.identity.internal;

import dev.tradewind.identity.Role;
import dev.tradewind.identity.User;
import dev.tradewind.identity.UserRegistered;
import dev.tradewind.platform.audit.AuditActions;
import dev.tradewind.platform.audit.AuditEvent;
import dev.tradewind.platform.audit.AuditLog;
import dev.tradewind.platform.web.ApiException;
import dev.tradewind.platform.web.ErrorCodes;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates accounts: the row, its audit event and {@link UserRegistered} commit together. Inputs
 * arrive normalized and validated. Passwords are hashed before the transaction opens (BCrypt takes
 * a fraction of a second and should not hold a connection).
 */
@Service
class Accounts {
    private final UserStore users;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    Accounts(UserStore users, PasswordHasher hasher, AuditLog audit, ApplicationEventPublisher events,
             PlatformTransactionManager transactions) {
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Self-service registration of a trader.
     *
     * @throws ApiException 409 EMAIL_TAKEN
     */
    User register(String email, String password, String displayName) {
        return create(email, password, displayName, EnumSet.of(Role.TRADER), AuditActions.REGISTER, true)
                .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, ErrorCodes.EMAIL_TAKEN,
                        "An account with this email already exists"));
    }

    /**
     * An account the system creates (bootstrap admin, demo user), audited as {@code auditAction} with
     * no actor; empty when the email is already taken.
     */
    Optional<User> createBySystem(String email, String password, String displayName, Set<Role> roles,
                                  String auditAction) {
        return create(email, password, displayName, roles, auditAction, false);
    }

    private Optional<User> create(String email, String password, String displayName, Set<Role> roles,
                                  String auditAction, boolean selfService) {
        String hash = hasher.hash(password);
        UUID id = UUID.randomUUID();
        return tx.execute(status -> {
            if (!users.insert(id, email, displayName, hash, roles)) {
                return Optional.empty();
            }
            audit.record(AuditEvent.of(auditAction, AuditEvent.SUCCESS)
                    .withActor(selfService ? id : null)
                    .withTarget(id.toString())
                    .withDetail("roles", roles.stream().sorted().map(Role::name).toList()));
            events.publishEvent(new UserRegistered(id));
            return users.find(id);
        });
    }
}
