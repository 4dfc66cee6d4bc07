package dev.tradewind.streams.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tradewind.streams.StreamErrorCodes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Server messages of {@code /ws}, serialized once each into a text frame any session can send. */
@Component
final class Frames {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Data(String channel, @Nullable Boolean snapshot, @Nullable Object data) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reply(String op, @Nullable List<String> channels, @Nullable UUID userId, @Nullable Instant expiresAt,
                 @Nullable JsonNode id) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String op, String code, String message, @Nullable String channel, @Nullable JsonNode id) {
    }

    private final JsonMapper json;
    private final TextMessage slowConsumer;

    Frames(JsonMapper json) {
        this.json = json;
        this.slowConsumer = error(StreamErrorCodes.SLOW_CONSUMER,
                "this connection fell too far behind its event channels and is closed; reconnect and resubscribe",
                null, null);
    }

    TextMessage data(String channel, Object data) {
        return frame(new Data(channel, null, data));
    }

    TextMessage snapshot(String channel, Object data) {
        return frame(new Data(channel, Boolean.TRUE, data));
    }

    TextMessage pong(@Nullable JsonNode id) {
        return frame(new Reply("pong", null, null, null, id));
    }

    TextMessage subscribed(List<String> channels, @Nullable JsonNode id) {
        return frame(new Reply("subscribed", channels, null, null, id));
    }

    TextMessage unsubscribed(List<String> channels, @Nullable JsonNode id) {
        return frame(new Reply("unsubscribed", channels, null, null, id));
    }

    TextMessage authenticated(UUID userId, Instant expiresAt, @Nullable JsonNode id) {
        return frame(new Reply("authenticated", null, userId, expiresAt, id));
    }

    TextMessage error(String code, String message, @Nullable String channel, @Nullable JsonNode id) {
        return frame(new Error("error", code, message, channel, id));
    }

    /** The notice sent before a queue-overflow close; one instance shared by all sessions. */
    TextMessage slowConsumer() {
        return slowConsumer;
    }

    static int size(TextMessage message) {
        return message.getPayload().length();
    }

    private TextMessage frame(Object value) {
        return new TextMessage(json.writeValueAsString(value));
    }
}
