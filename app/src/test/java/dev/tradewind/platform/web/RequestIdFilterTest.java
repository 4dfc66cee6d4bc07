package dev.tradewind.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class RequestIdFilterTest {
    @Test
    void keepsSafeIdsReplacesTheRest() {
        assertThat(RequestIdFilter.accept("abc-123_X.y:z")).isEqualTo("abc-123_X.y:z");
        assertThat(RequestIdFilter.accept("a".repeat(64))).isEqualTo("a".repeat(64));
        for (String unsafe : new String[] {null, "", "a".repeat(65), "a\nb", "a b", "<x>", "${x}", "é"}) {
            assertThat(UUID.fromString(RequestIdFilter.accept(unsafe))).as(String.valueOf(unsafe)).isNotNull();
        }
    }

    @Test
    void problemsCarryTheRequestIdOfTheMdc() {
        MDC.put(RequestIdFilter.MDC_KEY, "rid-1");
        try {
            ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "Order not found");
            assertThat(problem.getProperties()).containsEntry("requestId", "rid-1").containsEntry("code", "NOT_FOUND");
            assertThat(problem.getType()).hasToString("https://tradewind.dev/problems/not-found");
        } finally {
            MDC.remove(RequestIdFilter.MDC_KEY);
        }
        assertThat(Problems.of(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "x").getProperties())
                .doesNotContainKey("requestId");
    }
}
