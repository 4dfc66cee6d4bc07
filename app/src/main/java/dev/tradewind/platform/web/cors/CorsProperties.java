package dev.tradewind.platform.web.cors;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Cross-origin access for browser clients served from another origin.
 *
 * @param allowedOrigins origins allowed to call the API ({@code TRADEWIND_CORS_ALLOWEDORIGINS}, comma-separated,
 *                       e.g. {@code https://app.example.com,https://*.example.org}); empty (the default)
 *                       means same-origin only: every cross-origin request is refused with 403
 */
@ConfigurationProperties("tradewind.cors")
public record CorsProperties(List<String> allowedOrigins) {
    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
    }
}
