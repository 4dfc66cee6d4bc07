package dev.tradewind.platform.web;

import static dev.tradewind.platform.web.Http.json;
import static dev.tradewind.platform.web.Http.request;
import static dev.tradewind.platform.web.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class RequestIdIT extends WebIntegrationTest {

    private HttpResponse<String> probe(String requestId) {
        var builder = request(url("/api/v1/test/public/request-id")).GET();
        if (requestId != null) {
            builder.header("X-Request-Id", requestId);
        }
        return send(builder);
    }

    private static String header(HttpResponse<?> response) {
        return response.headers().firstValue("X-Request-Id").orElseThrow();
    }

    @Test
    void generatedWhenAbsentAndPutInTheMdc() {
        HttpResponse<String> response = probe(null);
        String id = header(response);
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(json(response).path("requestId").asString()).isEqualTo(id);
        assertThat(header(probe(null))).isNotEqualTo(id);
    }

    @Test
    void echoedWhenValid() {
        String id = "client-7f3a.42:b_x";
        HttpResponse<String> response = probe(id);
        assertThat(header(response)).isEqualTo(id);
        assertThat(json(response).path("requestId").asString()).isEqualTo(id);
    }

    @Test
    void replacedWhenUnsafe() {
        for (String hostile : new String[] {"${jndi:ldap://evil/a}", "<script>alert(1)</script>", "a b", "x".repeat(65),
                "id\u00e9", "' OR 1=1 --"}) {
            HttpResponse<String> response = probe(hostile);
            assertThat(header(response)).as(hostile).isNotEqualTo(hostile);
            assertThat(UUID.fromString(header(response))).isNotNull();
            assertThat(json(response).path("requestId").asString()).isEqualTo(header(response));
        }
    }

    @Test
    void everyLogLineOfTheRequestCarriesIt(CapturedOutput output) {
        String id = "log-probe-" + UUID.randomUUID();
        probe(id);
        assertThat(output.getAll().lines().filter(l -> l.contains("handling request-id probe")))
                .anyMatch(l -> l.contains(" [" + id + "] "));
    }

    @Test
    void presentOnErrorsToo() {
        HttpResponse<String> notFound = send(request(url("/api/v1/test/public/nope")).header("X-Request-Id", "err-1").GET());
        assertThat(header(notFound)).isEqualTo("err-1");
        assertThat(json(notFound).path("requestId").asString()).isEqualTo("err-1");

        HttpResponse<String> viaErrorPage = send(request(url("/api/v1/test/public/send-error"))
                .header("X-Request-Id", "err-2").GET());
        assertThat(header(viaErrorPage)).isEqualTo("err-2");
        assertThat(json(viaErrorPage).path("requestId").asString()).isEqualTo("err-2");
    }
}
