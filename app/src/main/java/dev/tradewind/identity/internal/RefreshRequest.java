package dev.tradewind.identity.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(description = "A refresh token to exchange; it is used up by the exchange")
record RefreshRequest(
        @Schema(description = "The refresh token of the last login or refresh",
                example = "kq3WcH0Xo2m7yQ1T1x9S8bq6Zr2uJmV4cN5pL0aE3sY", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 256) String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[refreshToken=[redacted]]";
    }
}
