package dev.tradewind.identity.internal;

import dev.tradewind.platform.web.ApiException;
import dev.tradewind.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Renders {@link ApiException} from identity's controllers, so that identity answers its contract on
 * its own. The platform's global handler renders the same {@link Problems} shape; once it exists,
 * this class may be deleted without any visible change.
 */
@RestControllerAdvice(basePackageClasses = IdentityProblemHandler.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class IdentityProblemHandler {
    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> apiException(ApiException e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.of(e));
    }
}
