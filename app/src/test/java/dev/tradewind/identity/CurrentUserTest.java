package dev.tradewind.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class CurrentUserTest {
    private final UUID id = UUID.randomUUID();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void readsTheAccessTokensClaims() {
        CurrentUser user = CurrentUser.of(token(List.of("ADMIN", "TRADER", "ROLE_FROM_THE_FUTURE"), "PRO"));
        assertThat(user.userId()).isEqualTo(id);
        assertThat(user.email()).isEqualTo("alice@example.com");
        assertThat(user.roles()).containsExactly(Role.TRADER, Role.ADMIN);
        assertThat(user.hasRole(Role.ADMIN)).isTrue();
        assertThat(user.tier()).isEqualTo(Tier.PRO);
        assertThat(CurrentUser.userId(token(List.of(), "BASIC"))).isEqualTo(id);
    }

    @Test
    void currentIsEmptyWithoutAnAccessToken() {
        assertThat(CurrentUser.current()).isEmpty();
        SecurityContextHolder.getContext().setAuthentication(token(List.of("TRADER"), "BASIC"));
        assertThat(CurrentUser.current()).map(CurrentUser::userId).hasValue(id);
    }

    @Test
    void otherAuthenticationsAreRefused() {
        assertThatThrownBy(() -> CurrentUser.of(new UsernamePasswordAuthenticationToken("x", "y")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private JwtAuthenticationToken token(List<String> roles, String tier) {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "HS256").subject(id.toString())
                .claim("email", "alice@example.com").claim("roles", roles).claim("tier", tier).build();
        return new JwtAuthenticationToken(jwt, List.of());
    }
}
