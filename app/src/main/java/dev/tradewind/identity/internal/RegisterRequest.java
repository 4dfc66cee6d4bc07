package dev.tradewind.identity.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Normalized on arrival (email trimmed and lower-cased, display name trimmed), then validated. */
@Schema(description = "A new trader account")
record RegisterRequest(
        @Schema(description = "Email address; trimmed and lower-cased, so it is unique whatever its case",
                example = "alice@example.com", maxLength = Emails.MAX_LENGTH, requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @ValidEmail String email,
        @Schema(implementation = String.class, format = "password", description = "Password policy: "
                + PasswordPolicy.DESCRIPTION, example = "correct horse battery 9", minLength = PasswordPolicy.MIN_LENGTH,
                maxLength = PasswordPolicy.MAX_LENGTH, requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @ValidPassword Password password,
        @Schema(description = "Name shown in the app; trimmed, 1 to 64 characters, no control characters",
                example = "Alice", maxLength = DisplayNames.MAX_LENGTH, requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @ValidDisplayName String displayName) {

    RegisterRequest {
        email = Emails.normalize(email);
        displayName = DisplayNames.normalize(displayName);
    }
}
