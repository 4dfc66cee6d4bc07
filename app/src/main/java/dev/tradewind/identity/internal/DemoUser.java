package dev.tradewind.identity.internal;

import dev.tradewind.identity.DemoUserProvisioned;
import dev.tradewind.identity.Role;
import dev.tradewind.identity.User;
import dev.tradewind.platform.ReadyBannerLine;
import dev.tradewind.platform.audit.AuditActions;
import dev.tradewind.platform.config.PlatformProperties;
import dev.tradewind.platform.security.SecretFiles;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumSet;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Demo mode's trader {@value #EMAIL}. Its password is random, generated once into
 * {@code <dataDir>/secrets/demo-password} and re-applied at every start (so editing that file changes
 * it), and printed under the URL when the app is ready. Funding its demo balances is not done here:
 * this publishes {@link DemoUserProvisioned} at every start, and the ledger/engine credits the
 * account when it handles that event.
 */
@Component
@ConditionalOnProperty(name = "tradewind.demo", havingValue = "true", matchIfMissing = true)
class DemoUser implements ApplicationRunner, ReadyBannerLine {
    static final String EMAIL = "demo@tradewind.local";
    static final String DISPLAY_NAME = "Demo Trader";
    static final String PASSWORD_FILE = "demo-password";
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no look-alikes (l/1, o/0)

    private final PlatformProperties platform;
    private final UserStore users;
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final ApplicationEventPublisher events;
    private volatile String password;

    DemoUser(PlatformProperties platform, UserStore users, Accounts accounts, PasswordHasher hasher,
             ApplicationEventPublisher events) {
        this.platform = platform;
        this.users = users;
        this.accounts = accounts;
        this.hasher = hasher;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        Path file = SecretFiles.in(platform.dataDir(), PASSWORD_FILE);
        String current = SecretFiles.readOrCreate(file, DemoUser::generatePassword);
        PasswordPolicy.violation(current).ifPresent(why -> {
            throw new IllegalStateException(file + ": the demo password " + why + "; delete the file to generate one");
        });
        User user = users.findCredentials(EMAIL)
                .map(found -> {
                    if (!hasher.matches(current, found.passwordHash())) {
                        users.updatePasswordHash(found.user().id(), hasher.hash(current));
                    }
                    return found.user();
                })
                .or(() -> accounts.createBySystem(EMAIL, current, DISPLAY_NAME, EnumSet.of(Role.TRADER),
                        AuditActions.REGISTER))
                .or(() -> users.findByEmail(EMAIL)) // another node created it meanwhile
                .orElseThrow();
        this.password = current;
        events.publishEvent(new DemoUserProvisioned(user.id()));
    }

    @Override
    public String text() {
        return "Demo login: " + EMAIL + " / " + password;
    }

    /** Four groups of four, e.g. {@code k7qm-2xwd-9prt-hc4e}: about 79 bits, easy to type. */
    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
