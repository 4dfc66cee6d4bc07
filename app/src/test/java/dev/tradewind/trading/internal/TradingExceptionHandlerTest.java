package dev.tradewind.trading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.engine.sequencer.EngineErrorCode;
import dev.tradewind.engine.instrument.Increment;
import dev.tradewind.trading.EngineUnavailableException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class TradingExceptionHandlerTest {

    @Test
    void anOverloadedEngineIs503WithRetryAfter() {
        ResponseEntity<ProblemDetail> response = new TradingExceptionHandler()
                .engineUnavailable(EngineUnavailableException.of(EngineErrorCode.ENGINE_OVERLOADED));
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().getProperties()).containsEntry("code", "SERVICE_UNAVAILABLE")
                .containsEntry("reason", "ENGINE_OVERLOADED");
        assertThat(EngineUnavailableException.of(EngineErrorCode.ENGINE_CLOSED).retryAfterSeconds()).isEqualTo(5);
        assertThat(EngineUnavailableException.timeout().reason()).isEqualTo("ENGINE_TIMEOUT");
    }

    @Test
    void storedDecimalsConvertBackToExactEngineUnits() {
        assertThat(EventPersister.count(new BigDecimal("40000.50"), new Increment(1, 2))).isEqualTo(4_000_050);
        assertThat(EventPersister.count(new BigDecimal("0.25000"), new Increment(1, 5))).isEqualTo(25_000);
        assertThat(EventPersister.count(null, new Increment(1, 5))).isZero();
    }
}
