package dev.tradewind.identity.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "Credentials")
record LoginRequest(
        @Schema(description = "Email address, in any case", example = "alice@example.com",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = Emails.MAX_LENGTH) String email,
        @Schema(implementation = String.class, format = "password", example = "correct horse battery 9",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull Password password) {

    LoginRequest {
        email = Emails.normalize(email);
    }
}
