package dev.tradewind.identity.internal;

import dev.tradewind.identity.KycStatus;
import dev.tradewind.identity.Role;
import dev.tradewind.identity.Tier;
import dev.tradewind.identity.User;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A user account as administrators see it")
record UserResponse(
        UUID userId,
        @Schema(example = "alice@example.com") String email,
        @Schema(example = "Alice") String displayName,
        List<Role> roles,
        Tier tier,
        KycStatus kycStatus,
        @Schema(description = "When the account was created (UTC)") Instant createdAt) {

    static UserResponse of(User user) {
        return new UserResponse(user.id(), user.email(), user.displayName(), user.roles().stream().sorted().toList(),
                user.tier(), user.kycStatus(), user.createdAt());
    }
}
