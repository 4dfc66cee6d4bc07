package dev.tradewind.identity.internal;

import dev.tradewind.identity.User;
import dev.tradewind.platform.audit.AuditActions;
import dev.tradewind.platform.audit.AuditEvent;
import dev.tradewind.platform.audit.AuditLog;
import dev.tradewind.platform.security.JwtProperties;
import dev.tradewind.platform.security.Pseudonyms;
import dev.tradewind.platform.web.ApiException;
import dev.tradewind.platform.web.ErrorCodes;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login and refresh. A login starts a refresh-token family; every refresh marks its token used and
 * issues the next one in the family. A used token presented again means it was copied, so the
 * whole family is revoked (the thief's and the owner's tokens alike) and REFRESH_TOKEN_REUSE audited.
 */
@Service
class Sessions {
    static final String INVALID_CREDENTIALS = "Email or password is incorrect";
    static final String INVALID_REFRESH_TOKEN = "The refresh token is invalid, expired or revoked: sign in again";

    private final UserStore users;
    private final RefreshTokenStore refreshTokens;
    private final PasswordHasher hasher;
    private final AccessTokenIssuer accessTokens;
    private final JwtProperties properties;
    private final AuditLog audit;
    private final Pseudonyms pseudonyms;
    private final TransactionTemplate tx;
    private final Clock clock = Clock.systemUTC();

    Sessions(UserStore users, RefreshTokenStore refreshTokens, PasswordHasher hasher, AccessTokenIssuer accessTokens,
             JwtProperties properties, AuditLog audit, Pseudonyms pseudonyms, PlatformTransactionManager transactions) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.audit = audit;
        this.pseudonyms = pseudonyms;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Issued tokens; never logged (toString is redacted). */
    record Tokens(String accessToken, String refreshToken, long expiresIn) {
        @Override
        public String toString() {
            return "Tokens[expiresIn=" + expiresIn + "]";
        }
    }

    /**
     * @param email normalized
     * @throws ApiException 401 UNAUTHORIZED with the same message whether the email exists or not
     */
    Tokens login(String email, String password) {
        Optional<UserStore.Credentials> credentials = users.findCredentials(email);
        boolean valid = credentials.isPresent()
                ? hasher.matches(password, credentials.get().passwordHash())
                : hasher.matchesNothing(password);
        if (!valid) {
            audit.record(AuditEvent.of(AuditActions.LOGIN_FAILURE, AuditEvent.FAILURE)
                    .withTarget(pseudonyms.of(email))
                    .withDetail("knownAccount", credentials.isPresent()));
            throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHORIZED, INVALID_CREDENTIALS);
        }
        User user = credentials.get().user();
        Instant now = clock.instant();
        return tx.execute(status -> {
            refreshTokens.deleteExpired(user.id(), now);
            UUID family = UUID.randomUUID();
            String refreshToken = refreshTokens.issue(user.id(), family, now, now.plus(properties.refreshTokenTtl()));
            audit.record(AuditEvent.of(AuditActions.LOGIN_SUCCESS, AuditEvent.SUCCESS)
                    .withActor(user.id())
                    .withTarget(user.id().toString())
                    .withDetail("tokenFamily", family.toString()));
            return tokens(user, refreshToken);
        });
    }

    /** @throws ApiException 401 UNAUTHORIZED for an unknown, expired, revoked or reused token */
    Tokens refresh(String refreshToken) {
        Instant now = clock.instant();
        // The transaction commits in every case (a revoked family must stay revoked); failure is thrown after.
        Optional<Tokens> rotated = tx.execute(status -> rotate(refreshToken, now));
        return rotated.orElseThrow(
                () -> new ApiException(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHORIZED, INVALID_REFRESH_TOKEN));
    }

    private Optional<Tokens> rotate(String refreshToken, Instant now) {
        Optional<RefreshTokenStore.StoredToken> found = refreshTokens.lock(refreshToken);
        if (found.isEmpty()) {
            audit.record(refreshFailure(null, null, "UNKNOWN"));
            return Optional.empty();
        }
        RefreshTokenStore.StoredToken token = found.get();
        if (token.revokedAt() != null) {
            audit.record(refreshFailure(token.userId(), token.familyId(), "REVOKED"));
            return Optional.empty();
        }
        if (token.usedAt() != null) {
            int revoked = refreshTokens.revokeFamily(token.familyId(), now);
            audit.record(AuditEvent.of(AuditActions.REFRESH_TOKEN_REUSE, AuditEvent.DENIED)
                    .withActor(token.userId())
                    .withTarget(token.familyId().toString())
                    .withDetail("revokedTokens", revoked));
            return Optional.empty();
        }
        if (!token.expiresAt().isAfter(now)) {
            audit.record(refreshFailure(token.userId(), token.familyId(), "EXPIRED"));
            return Optional.empty();
        }
        Optional<User> user = users.find(token.userId());
        if (user.isEmpty()) {
            audit.record(refreshFailure(token.userId(), token.familyId(), "UNKNOWN_USER"));
            return Optional.empty();
        }
        refreshTokens.markUsed(token.id(), now);
        String next = refreshTokens.issue(token.userId(), token.familyId(), now, now.plus(properties.refreshTokenTtl()));
        audit.record(AuditEvent.of(AuditActions.TOKEN_REFRESH, AuditEvent.SUCCESS)
                .withActor(token.userId())
                .withTarget(token.familyId().toString()));
        return Optional.of(tokens(user.get(), next));
    }

    private static AuditEvent refreshFailure(UUID userId, UUID family, String reason) {
        return AuditEvent.of(AuditActions.TOKEN_REFRESH, AuditEvent.FAILURE)
                .withActor(userId)
                .withTarget(family == null ? null : family.toString())
                .withDetail("reason", reason);
    }

    private Tokens tokens(User user, String refreshToken) {
        AccessTokenIssuer.AccessToken access = accessTokens.issue(user);
        return new Tokens(access.value(), refreshToken, access.expiresInSeconds());
    }
}
