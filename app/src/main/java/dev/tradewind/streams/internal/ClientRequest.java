package dev.tradewind.streams.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client message on {@code /ws}: {@code {"op":…}} with the op's fields and an optional {@code id}
 * (string or integer) that the server echoes in its replies. Unknown fields are ignored.
 */
sealed interface ClientRequest {
    int MAX_ID_LENGTH = 64;

    @Nullable JsonNode id();

    record Subscribe(List<String> channels, @Nullable JsonNode id) implements ClientRequest {
    }

    record Unsubscribe(List<String> channels, @Nullable JsonNode id) implements ClientRequest {
    }

    record Auth(String token, @Nullable JsonNode id) implements ClientRequest {
        @Override
        public String toString() { // keeps the token out of logs
            return "Auth[id=" + id + "]";
        }
    }

    record Ping(@Nullable JsonNode id) implements ClientRequest {
    }

    /** Why a message is not a valid request; {@code id} is echoed when it could be read. */
    final class Invalid extends Exception {
        private final transient @Nullable JsonNode id;

        Invalid(String message, @Nullable JsonNode id) {
            super(message, null, false, false);
            this.id = id;
        }

        @Nullable JsonNode id() {
            return id;
        }
    }

    static ClientRequest parse(JsonMapper json, String text) throws Invalid {
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (JacksonException e) {
            throw new Invalid("not JSON: " + e.getOriginalMessage(), null);
        }
        if (message == null || !message.isObject()) {
            throw new Invalid("expected a JSON object like {\"op\":\"ping\"}", null);
        }
        JsonNode id = message.get("id");
        if (id != null && !(id.isIntegralNumber() || (id.isString() && id.stringValue().length() <= MAX_ID_LENGTH))) {
            throw new Invalid("id must be an integer or a string of at most " + MAX_ID_LENGTH + " characters", null);
        }
        JsonNode op = message.get("op");
        if (op == null || !op.isString()) {
            throw new Invalid("missing \"op\": one of subscribe, unsubscribe, auth, ping", id);
        }
        return switch (op.stringValue()) {
            case "subscribe" -> new Subscribe(channels(message, id), id);
            case "unsubscribe" -> new Unsubscribe(channels(message, id), id);
            case "auth" -> {
                JsonNode token = message.get("token");
                if (token == null || !token.isString() || token.stringValue().isBlank()) {
                    throw new Invalid("auth needs \"token\": the accessToken of POST /api/v1/auth/login", id);
                }
                yield new Auth(token.stringValue(), id);
            }
            case "ping" -> new Ping(id);
            default -> throw new Invalid("unknown op \"" + abbreviate(op.stringValue())
                    + "\": one of subscribe, unsubscribe, auth, ping", id);
        };
    }

    private static List<String> channels(JsonNode message, @Nullable JsonNode id) throws Invalid {
        JsonNode channels = message.get("channels");
        if (channels == null || !channels.isArray() || channels.isEmpty()) {
            throw new Invalid("\"channels\" must be a non-empty array of channel names", id);
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode channel : channels) {
            if (!channel.isString()) {
                throw new Invalid("\"channels\" must contain only strings", id);
            }
            names.add(channel.stringValue());
        }
        return new ArrayList<>(names);
    }

    /** Client text quoted back in an error stays short. */
    static String abbreviate(String text) {
        return text.length() <= MAX_ID_LENGTH ? text : text.substring(0, MAX_ID_LENGTH) + "…";
    }
}
