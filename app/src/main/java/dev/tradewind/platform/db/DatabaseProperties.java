package dev.tradewind.platform.db;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where relational data lives.
 *
 * @param url          JDBC URL of an external PostgreSQL ({@code TRADEWIND_DB_URL}); empty means embedded
 * @param user         its user ({@code TRADEWIND_DB_USER})
 * @param password     its password ({@code TRADEWIND_DB_PASSWORD})
 * @param embeddedFsync fsync and synchronous commit for embedded PostgreSQL; only tests turn it off
 * @param embeddedPort port of embedded PostgreSQL, 0 for any free port
 */
@ConfigurationProperties("tradewind.db")
public record DatabaseProperties(
        @DefaultValue("") String url,
        @DefaultValue("") String user,
        @DefaultValue("") String password,
        @DefaultValue("true") boolean embeddedFsync,
        @DefaultValue("0") int embeddedPort) {

    public boolean embedded() {
        return url.isBlank();
    }
}
