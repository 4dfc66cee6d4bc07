package dev.tradewind.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's whitelabel/JSON {@code /error} page: whatever the container forwards here
 * ({@code sendError}, an exception that escaped a filter) is answered as problem+json too.
 * The container has already logged an escaped exception, so this only renders.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        ProblemDetail problem = problem(request);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ProblemDetail problem(HttpServletRequest request) {
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure != null) {
            ApiException api = UnreadableBody.find(failure, ApiException.class);
            return api != null ? Problems.of(api) : internalError();
        }
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
            // a client asked for /error itself
            return Problems.of(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "No endpoint " + request.getMethod()
                    + " " + request.getRequestURI() + ".");
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = code < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            return internalError();
        }
        String message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String m ? m.strip() : "";
        String detail = status.is4xxClientError() && !message.isEmpty() ? message : status.getReasonPhrase() + ".";
        return Problems.of(status, ErrorCodes.forStatus(status.value()), detail);
    }

    private static ProblemDetail internalError() {
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL_ERROR, "An unexpected error occurred."
                + (requestId == null ? "" : " Quote request id " + requestId + " when you report it."));
    }
}
