package dev.tradewind.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdempotencyFilterTest {

    @Test
    void keysAreOneTo128PrintableAsciiCharacters() {
        assertThat(IdempotencyFilter.validKey("a")).isTrue();
        assertThat(IdempotencyFilter.validKey("5f0c9a7e-3b1d-4c7a-9e2f-8d6b1a2c3e4f")).isTrue();
        assertThat(IdempotencyFilter.validKey("order 42: {retry} ~!@#$%^&*()_+")).isTrue();
        assertThat(IdempotencyFilter.validKey("x".repeat(128))).isTrue();

        assertThat(IdempotencyFilter.validKey(null)).isFalse();
        assertThat(IdempotencyFilter.validKey("")).isFalse();
        assertThat(IdempotencyFilter.validKey("x".repeat(129))).isFalse();
        assertThat(IdempotencyFilter.validKey("clé")).isFalse();
        assertThat(IdempotencyFilter.validKey("tab\there")).isFalse();
        assertThat(IdempotencyFilter.validKey("nul\u0000")).isFalse();
        assertThat(IdempotencyFilter.validKey("del\u007f")).isFalse();
    }

    @Test
    void requestKeysDependOnEveryPart() {
        RequestKey key = new RequestKey("user:1", "POST", "/api/v1/orders", "k");
        assertThat(key.id()).hasSize(32).isEqualTo(new RequestKey("user:1", "POST", "/api/v1/orders", "k").id());
        for (RequestKey other : List.of(new RequestKey("user:2", "POST", "/api/v1/orders", "k"),
                new RequestKey("user:1", "PUT", "/api/v1/orders", "k"),
                new RequestKey("user:1", "POST", "/api/v1/payments", "k"),
                new RequestKey("user:1", "POST", "/api/v1/orders", "K"),
                // the length prefixes keep the boundary between parts
                new RequestKey("user:1P", "OST", "/api/v1/orders", "k"))) {
            assertThat(other.id()).isNotEqualTo(key.id());
        }
    }

    @Test
    void defaultPathsCoverOrdersAdjustmentsPaymentsAndWithdrawals() {
        IdempotentPaths paths = new IdempotentPaths(List.of("/api/v1/orders", "/api/v1/admin/adjustments",
                "/api/v1/payments/**", "/api/v1/withdrawals/**"));
        assertThat(paths.matches("/api/v1/orders")).isTrue();
        assertThat(paths.matches("/api/v1/admin/adjustments")).isTrue();
        assertThat(paths.matches("/api/v1/payments")).isTrue();
        assertThat(paths.matches("/api/v1/payments/card/intents")).isTrue();
        assertThat(paths.matches("/api/v1/withdrawals/123")).isTrue();
        assertThat(paths.matches("/api/v1/orders/123")).isFalse();
        assertThat(paths.matches("/api/v1/auth/login")).isFalse();
    }
}
