package dev.tradewind.identity.internal;

import dev.tradewind.identity.KycStatus;
import dev.tradewind.identity.Role;
import dev.tradewind.identity.Tier;
import dev.tradewind.identity.User;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

@Schema(description = "The signed-in user")
record MeResponse(
        UUID userId,
        @Schema(example = "alice@example.com") String email,
        @Schema(example = "Alice") String displayName,
        @Schema(description = "TRADER for every user; ANALYST, COMPLIANCE, ADMIN granted by an administrator")
        List<Role> roles,
        Tier tier,
        KycStatus kycStatus) {

    static MeResponse of(User user) {
        return new MeResponse(user.id(), user.email(), user.displayName(), user.roles().stream().sorted().toList(),
                user.tier(), user.kycStatus());
    }
}
