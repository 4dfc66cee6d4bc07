package dev.tradewind.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class ClientRequestTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void parsesEachOp() throws Exception {
        assertThat(ClientRequest.parse(JSON, "{\"op\":\"ping\"}")).isInstanceOf(ClientRequest.Ping.class);
        ClientRequest.Subscribe subscribe = (ClientRequest.Subscribe) ClientRequest.parse(JSON,
                "{\"op\":\"subscribe\",\"channels\":[\"ticker:BTC-USD\",\"orders\",\"ticker:BTC-USD\"],\"id\":7,\"x\":1}");
        assertThat(subscribe.channels()).as("deduplicated, in order").containsExactly("ticker:BTC-USD", "orders");
        assertThat(subscribe.id().asInt()).isEqualTo(7);
        assertThat(((ClientRequest.Unsubscribe) ClientRequest.parse(JSON,
                "{\"op\":\"unsubscribe\",\"channels\":[\"orders\"],\"id\":\"a\"}")).channels()).isEqualTo(List.of("orders"));
        ClientRequest.Auth auth = (ClientRequest.Auth) ClientRequest.parse(JSON, "{\"op\":\"auth\",\"token\":\"secret.jwt\"}");
        assertThat(auth.token()).isEqualTo("secret.jwt");
        assertThat(auth.toString()).doesNotContain("secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "\"ping\"", "42", "null", "{}", "{\"op\":1}", "{\"op\":\"dance\"}",
            "{\"op\":\"subscribe\"}", "{\"op\":\"subscribe\",\"channels\":[]}", "{\"op\":\"subscribe\",\"channels\":\"orders\"}",
            "{\"op\":\"subscribe\",\"channels\":[1]}", "{\"op\":\"auth\"}", "{\"op\":\"auth\",\"token\":\" \"}",
            "{\"op\":\"ping\",\"id\":{}}", "{\"op\":\"ping\",\"id\":1.5}", "{\"op\":\"ping\"", "{\"op\":\"ping\"} trailing"})
    void refusesWhatIsNotARequest(String text) {
        assertThatThrownBy(() -> ClientRequest.parse(JSON, text)).isInstanceOf(ClientRequest.Invalid.class)
                .hasMessageNotContaining("Exception");
    }

    @Test
    void echoesTheIdOfAnInvalidRequestWhenItCanBeRead() {
        assertThatThrownBy(() -> ClientRequest.parse(JSON, "{\"op\":\"dance\",\"id\":\"r1\"}"))
                .isInstanceOfSatisfying(ClientRequest.Invalid.class, e -> assertThat(e.id().asString()).isEqualTo("r1"));
    }
}
