package dev.tradewind.identity.internal;

import dev.tradewind.identity.KycStatus;
import dev.tradewind.identity.Role;
import dev.tradewind.identity.Tier;
import dev.tradewind.identity.User;
import dev.tradewind.identity.UserDirectory;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. Emails arrive here normalized. */
@Repository
class UserStore implements UserDirectory {
    private static final String COLUMNS = "id, email, display_name, roles, tier, kyc_status, created_at";

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A user with the hash to check a password against. */
    record Credentials(User user, String passwordHash) {
        @Override
        public String toString() {
            return "Credentials[userId=" + user.id() + "]";
        }
    }

    @Override
    public Optional<User> find(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?").param(userId)
                .query((rs, row) -> user(rs)).optional();
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = ?").param(Emails.normalize(email))
                .query((rs, row) -> user(rs)).optional();
    }

    Optional<Credentials> findCredentials(String normalizedEmail) {
        return jdbc.sql("SELECT " + COLUMNS + ", password_hash FROM users WHERE email = ?").param(normalizedEmail)
                .query((rs, row) -> new Credentials(user(rs), rs.getString("password_hash"))).optional();
    }

    /** Inserts the user unless the email is taken; true when inserted. */
    boolean insert(UUID id, String normalizedEmail, String displayName, String passwordHash, Set<Role> roles) {
        return jdbc.sql("""
                        INSERT INTO users (id, email, display_name, password_hash, roles)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (email) DO NOTHING""")
                .params(id, normalizedEmail, displayName, passwordHash, roleNames(roles))
                .update() == 1;
    }

    void updatePasswordHash(UUID id, String passwordHash) {
        jdbc.sql("UPDATE users SET password_hash = ?, updated_at = now() WHERE id = ?").params(passwordHash, id).update();
    }

    private static String[] roleNames(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).toArray(String[]::new);
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                roles(rs.getArray("roles")), Tier.valueOf(rs.getString("tier")),
                KycStatus.valueOf(rs.getString("kyc_status")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
