package dev.tradewind.identity.internal;

import dev.tradewind.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/admin/users", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('ADMIN')") // the route rule already demands it; this keeps it true if routes move
@Tag(name = "Administration", description = "Operator endpoints; ADMIN role required")
class AdminUserController {
    private final UserStore users;

    AdminUserController(UserStore users) {
        this.users = users;
    }

    @GetMapping("/{userId}")
    @Operation(summary = "Look up a user account")
    @SecurityRequirement(name = "bearerAuth")
    @ApiResponse(responseCode = "200", description = "The account",
            content = @Content(schema = @Schema(implementation = UserResponse.class),
                    examples = @ExampleObject(value = ApiExamples.ADMIN_USER)))
    @ApiResponse(responseCode = "401", description = "Missing, invalid or expired access token",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = ApiExamples.UNAUTHENTICATED)))
    @ApiResponse(responseCode = "403", description = "The caller is not an ADMIN",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = ApiExamples.FORBIDDEN)))
    @ApiResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = ApiExamples.USER_NOT_FOUND)))
    UserResponse user(@Parameter(description = "User id") @PathVariable UUID userId) {
        return users.find(userId).map(UserResponse::of).orElseThrow(() -> ApiException.notFound("User"));
    }
}
