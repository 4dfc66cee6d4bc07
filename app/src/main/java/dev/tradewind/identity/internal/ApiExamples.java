package dev.tradewind.identity.internal;

/** Example bodies for the OpenAPI description of identity's endpoints. */
final class ApiExamples {
    static final String PROBLEM_JSON = "application/problem+json";

    static final String VALIDATION_FAILED = """
            {"type":"https://tradewind.dev/problems/validation-failed","title":"Bad Request","status":400,\
            "detail":"Request validation failed","code":"VALIDATION_FAILED"}""";
    static final String EMAIL_TAKEN = """
            {"type":"https://tradewind.dev/problems/email-taken","title":"Conflict","status":409,\
            "detail":"An account with this email already exists","code":"EMAIL_TAKEN"}""";
    static final String BAD_CREDENTIALS = """
            {"type":"https://tradewind.dev/problems/unauthorized","title":"Unauthorized","status":401,\
            "detail":"Email or password is incorrect","code":"UNAUTHORIZED"}""";
    static final String BAD_REFRESH_TOKEN = """
            {"type":"https://tradewind.dev/problems/unauthorized","title":"Unauthorized","status":401,\
            "detail":"The refresh token is invalid, expired or revoked: sign in again","code":"UNAUTHORIZED"}""";
    static final String UNAUTHENTICATED = """
            {"type":"https://tradewind.dev/problems/unauthorized","title":"Unauthorized","status":401,\
            "detail":"The access token is invalid or has expired: sign in again or refresh it","code":"UNAUTHORIZED"}""";
    static final String FORBIDDEN = """
            {"type":"https://tradewind.dev/problems/forbidden","title":"Forbidden","status":403,\
            "detail":"Your account does not have the role this operation needs","code":"FORBIDDEN"}""";
    static final String USER_NOT_FOUND = """
            {"type":"https://tradewind.dev/problems/not-found","title":"Not Found","status":404,\
            "detail":"User not found","code":"NOT_FOUND"}""";

    static final String REGISTERED = """
            {"userId":"0f8fad5b-d9cb-469f-a165-70867728950e","email":"alice@example.com"}""";
    static final String TOKENS = """
            {"accessToken":"eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwZjhmYWQ1Yi...","refreshToken":\
            "kq3WcH0Xo2m7yQ1T1x9S8bq6Zr2uJmV4cN5pL0aE3sY","tokenType":"Bearer","expiresIn":900}""";
    static final String ME = """
            {"userId":"0f8fad5b-d9cb-469f-a165-70867728950e","email":"alice@example.com","displayName":"Alice",\
            "roles":["TRADER"],"tier":"BASIC","kycStatus":"NOT_STARTED"}""";
    static final String ADMIN_USER = """
            {"userId":"0f8fad5b-d9cb-469f-a165-70867728950e","email":"alice@example.com","displayName":"Alice",\
            "roles":["TRADER"],"tier":"BASIC","kycStatus":"NOT_STARTED","createdAt":"2026-01-15T09:30:00Z"}""";

    private ApiExamples() {
    }
}
