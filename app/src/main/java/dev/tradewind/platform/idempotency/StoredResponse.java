package dev.tradewind.platform.idempotency;

import java.util.List;
import java.util.Map;

/**
 * The response of the first request, replayed byte for byte.
 *
 * @param headers the {@code replayed-headers} the response carried, name → values
 */
record StoredResponse(int status, String contentType, Map<String, List<String>> headers, byte[] body) {
}
