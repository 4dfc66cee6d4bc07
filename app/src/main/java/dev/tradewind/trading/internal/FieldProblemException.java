package dev.tradewind.trading.internal;

import dev.tradewind.platform.web.ApiException;
import org.springframework.http.HttpStatus;

/** A client error about one field, rendered with an {@code errors: [{field, message}]} entry. */
public class FieldProblemException extends ApiException {
    private final String field;

    public FieldProblemException(HttpStatus status, String code, String field, String detail) {
        super(status, code, detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
