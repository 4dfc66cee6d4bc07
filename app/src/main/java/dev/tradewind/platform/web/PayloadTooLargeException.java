package dev.tradewind.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** The request body is larger than the configured limit ({@code tradewind.http.max-body-size}). */
public class PayloadTooLargeException extends ApiException {
    public PayloadTooLargeException(DataSize limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE,
                "The request body exceeds the limit of " + human(limit) + ".");
    }

    static String human(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
