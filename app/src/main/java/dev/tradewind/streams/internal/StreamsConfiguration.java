package dev.tradewind.streams.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Mounts the stream handler on {@code /ws} (API.md "Streaming"). */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class StreamsConfiguration implements WebSocketConfigurer {
    static final String PATH = "/ws";

    private final StreamHandler handler;
    private final StreamsProperties properties;

    StreamsConfiguration(StreamHandler handler, StreamsProperties properties) {
        this.handler = handler;
        this.properties = properties;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH).setAllowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new));
    }
}
