package dev.tradewind.identity.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

@Schema(description = "The account just created")
record RegisterResponse(
        @Schema(description = "Id of the new user") UUID userId,
        @Schema(description = "The normalized email", example = "alice@example.com") String email) {
}
