package dev.tradewind.identity.internal;

import dev.tradewind.identity.User;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/auth", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Identity", description = "Accounts and sessions: register, sign in, refresh, who am I")
class AuthController {
    private final Accounts accounts;
    private final Sessions sessions;

    AuthController(Accounts accounts, Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a trader account",
            description = "Creates an account with the TRADER role, tier BASIC and KYC status NOT_STARTED. "
                    + "The email is trimmed and lower-cased, so `Alice@Example.com ` and `alice@example.com` are "
                    + "the same account. Password policy: " + PasswordPolicy.DESCRIPTION + ". "
                    + "The display name is trimmed and must be 1 to 64 characters without control characters.")
    @ApiResponse(responseCode = "201", description = "Account created",
            content = @Content(schema = @Schema(implementation = RegisterResponse.class),
                    examples = @ExampleObject(value = ApiExamples.REGISTERED)))
    @ApiResponse(responseCode = "400", description = "Malformed email, weak password, missing field (with field details)",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = ApiExamples.VALIDATION_FAILED)))
    @ApiResponse(responseCode = "409", description = "An account with this email exists",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = ApiExamples.EMAIL_TAKEN)))
    RegisterResponse register(@Valid @RequestBody RegisterRequest request) {
        User user = accounts.register(request.email(), request.password().value(), request.displayName());
        return new RegisterResponse(user.id(), user.email());
    }

    @PostMapping("/login")
    @Operation(summary = "Sign in",
            description = "Returns an access token (JWT, 15 minutes by default) and a refresh token (single use, "
                    + "7 days by default). A wrong password and an unknown email get the same answer.")
    @ApiResponse(responseCode = "200", description = "Signed in",
            content = @Content(schema = @Schema(implementation = TokenResponse.class),
                    examples = @ExampleObject(value = ApiExamples.TOKENS)))
    @ApiResponse(responseCode = "400", description = "Missing email or password",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = ApiExamples.VALIDATION_FAILED)))
    @ApiResponse(responseCode = "401", description = "Email or password is incorrect",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = ApiExamples.BAD_CREDENTIALS)))
    TokenResponse login(@Valid @RequestBody LoginRequest request) {
        return TokenResponse.of(sessions.login(request.email(), request.password().value()));
    }

    @PostMapping("/refresh")
    @Operation(summary = "Exchange a refresh token for a new session",
            description = "Refresh tokens rotate: each one works once and the answer carries its successor. "
                    + "Presenting an already used refresh token again is treated as theft: every token of that "
                    + "session (including the newest) is revoked and the caller must sign in again. "
                    + "Any Authorization header is ignored here, so an expired access token does no harm.")
    @ApiResponse(responseCode = "200", description = "New session tokens",
            content = @Content(schema = @Schema(implementation = TokenResponse.class),
                    examples = @ExampleObject(value = ApiExamples.TOKENS)))
    @ApiResponse(responseCode = "400", description = "Missing refresh token",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = ApiExamples.VALIDATION_FAILED)))
    @ApiResponse(responseCode = "401", description = "Unknown, expired, revoked or reused refresh token",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = ApiExamples.BAD_REFRESH_TOKEN)))
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return TokenResponse.of(sessions.refresh(request.refreshToken()));
    }
}
