package dev.tradewind.identity.internal;

import dev.tradewind.identity.CurrentUser;
import dev.tradewind.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Identity")
class MeController {
    private final UserStore users;

    MeController(UserStore users) {
        this.users = users;
    }

    @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The signed-in user", description = "Current profile, roles, tier and KYC status.")
    @SecurityRequirement(name = "bearerAuth")
    @ApiResponse(responseCode = "200", description = "The user",
            content = @Content(schema = @Schema(implementation = MeResponse.class),
                    examples = @ExampleObject(value = ApiExamples.ME)))
    @ApiResponse(responseCode = "401", description = "Missing, invalid or expired access token",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = ApiExamples.UNAUTHENTICATED)))
    MeResponse me(CurrentUser caller) {
        return users.find(caller.userId()).map(MeResponse::of).orElseThrow(() -> ApiException.notFound("User"));
    }
}
