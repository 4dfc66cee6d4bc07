package dev.tradewind.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.TradewindApplication;
import dev.tradewind.identity.TestApi.Session;
import dev.tradewind.platform.ReadyBannerLine;
import dev.tradewind.platform.security.SecretFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Starts the whole app twice on one data dir, as {@code ./tradewind up} does across restarts: users,
 * sessions (the JWT key), the bootstrap admin and the demo user all survive, and nothing is created twice.
 */
class RestartIT {
    private static final String ADMIN_EMAIL = " Root@Example.COM ";
    private static final String ADMIN_PASSWORD = "bootstrap admin pass 1";
    private static final String DEMO_EMAIL = "demo@tradewind.local";

    @Test
    void usersKeysAdminAndDemoUserSurviveARestart() throws Exception {
        Path dataDir = Path.of("target/test-data/restart-" + UUID.randomUUID());
        Path keyFile = SecretFiles.in(dataDir, "jwt.key");
        Path demoPasswordFile = SecretFiles.in(dataDir, "demo-password");
        Session trader;
        String key;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            TestApi api = new TestApi(port(app));
            trader = api.newTrader();
            key = Files.readString(keyFile);

            Session admin = api.signIn("root@example.com", ADMIN_PASSWORD);
            assertThat(api.get("/api/v1/me", admin.accessToken()).json().get("roles").toString())
                    .isEqualTo("[\"TRADER\",\"ADMIN\"]");
            assertThat(api.get("/api/v1/admin/users/" + trader.userId(), admin.accessToken()).status()).isEqualTo(200);

            String demoPassword = Files.readString(demoPasswordFile).trim();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(demoPasswordFile))).isEqualTo("rw-------");
            Session demo = api.signIn(DEMO_EMAIL, demoPassword);
            assertThat(api.get("/api/v1/me", demo.accessToken()).json().get("displayName").asString())
                    .isEqualTo("Demo Trader");
            assertThat(app.getBeansOfType(ReadyBannerLine.class).values()).extracting(ReadyBannerLine::text)
                    .contains("Demo login: " + DEMO_EMAIL + " / " + demoPassword);
        }

        Files.writeString(demoPasswordFile, "changed-by-hand-1\n"); // re-applied at the next start
        try (ConfigurableApplicationContext app = start(dataDir)) {
            TestApi api = new TestApi(port(app));
            assertThat(Files.readString(keyFile)).isEqualTo(key);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            assertThat(api.get("/api/v1/me", trader.accessToken()).status()).as("token of the first run").isEqualTo(200);
            assertThat(api.refresh(trader.refreshToken()).status()).as("refresh token of the first run").isEqualTo(200);
            api.signIn(trader.email(), TestApi.PASSWORD);
            api.signIn("root@example.com", ADMIN_PASSWORD);
            api.signIn(DEMO_EMAIL, "changed-by-hand-1");

            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'ADMIN_BOOTSTRAPPED'",
                    Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE email IN (?, ?)", Integer.class,
                    "root@example.com", DEMO_EMAIL)).isEqualTo(2);
        }
    }

    /** Settings as command-line arguments: builder "properties" are defaults that application.yml overrides. */
    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(TradewindApplication.class).run(
                "--server.port=0",
                "--tradewind.data-dir=" + dataDir,
                "--tradewind.db.embedded-fsync=false",
                "--tradewind.demo=true",
                "--tradewind.admin.email=" + ADMIN_EMAIL,
                "--tradewind.admin.password=" + ADMIN_PASSWORD);
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
