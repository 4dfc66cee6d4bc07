package dev.tradewind.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP limits.
 *
 * @param maxBodySize largest request body accepted ({@code TRADEWIND_HTTP_MAXBODYSIZE}, e.g. {@code 1MB},
 *                    {@code 512KB}); larger ones get 413 {@code PAYLOAD_TOO_LARGE}, whether the size
 *                    is announced by {@code Content-Length} or only found while reading a chunked body
 */
@ConfigurationProperties("tradewind.http")
public record HttpProperties(@DefaultValue("1MB") DataSize maxBodySize) {
    public HttpProperties {
        if (maxBodySize.toBytes() <= 0) {
            throw new IllegalArgumentException("tradewind.http.max-body-size must be positive, was " + maxBodySize);
        }
    }
}
