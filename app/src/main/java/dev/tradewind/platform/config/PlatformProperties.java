package dev.tradewind.platform.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every module shares.
 *
 * @param dataDir where embedded PostgreSQL, the engine journal and generated secrets live
 *                ({@code TRADEWIND_DATA_DIR}, {@code --data-dir}); survives restarts
 * @param demo    start with the demo market and demo user ({@code TRADEWIND_DEMO}, {@code --no-demo})
 */
@ConfigurationProperties("tradewind")
public record PlatformProperties(@DefaultValue("./var") Path dataDir, @DefaultValue("true") boolean demo) {
}
