package dev.tradewind.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tradewind.platform.config.PlatformProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Embedded PostgreSQL 18 under the data dir: the default when no {@code TRADEWIND_DB_URL} is set.
 * The DataSource depends on the server bean, so Spring closes the pool before it stops the server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${tradewind.db.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(PlatformProperties platform, DatabaseProperties db) throws IOException {
        Path pgData = platform.dataDir().toAbsolutePath().normalize().resolve("pg");
        Files.createDirectories(pgData);
        StalePostmaster.stopIfRunning(pgData, Duration.ofSeconds(30));
        // zonky turns durability off by default (it is built for tests); user data needs it on.
        String durable = db.embeddedFsync() ? "on" : "off";
        long started = System.nanoTime();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(db.embeddedPort())
                .setServerConfig("fsync", durable)
                .setServerConfig("synchronous_commit", durable)
                .setServerConfig("full_page_writes", durable)
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms, fsync {})", pg.getPort(), pgData,
                (System.nanoTime() - started) / 1_000_000, durable);
        return pg;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres pg) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setPoolName("tradewind");
        config.setMaximumPoolSize(16);
        return new HikariDataSource(config);
    }
}
