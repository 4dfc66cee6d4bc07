package dev.tradewind.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A failure a client can act on: rendered as RFC 9457 problem+json with a stable {@code code}.
 * Throw it from any module; never carry a stack trace or internal detail in {@code detail}.
 */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, what + " not found");
    }
}
