package dev.tradewind.trading.internal;

import dev.tradewind.platform.web.FieldViolation;
import dev.tradewind.platform.web.Problems;
import dev.tradewind.trading.EngineUnavailableException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details the platform handler cannot shape: {@code Retry-After} on 503 when the engine is
 * unavailable (whichever module's request hit it), and the field of an order input error.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TradingExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(TradingExceptionHandler.class);

    @ExceptionHandler(EngineUnavailableException.class)
    ResponseEntity<ProblemDetail> engineUnavailable(EngineUnavailableException e) {
        log.warn("Engine unavailable: {}", e.reason());
        ProblemDetail problem = Problems.of(e);
        problem.setProperty("reason", e.reason());
        return ResponseEntity.status(e.status())
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(FieldProblemException.class)
    ResponseEntity<ProblemDetail> fieldProblem(FieldProblemException e) {
        ProblemDetail problem = Problems.of(e);
        problem.setProperty("errors", List.of(new FieldViolation(e.field(), e.getMessage())));
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
