package dev.tradewind.platform.web;

import static dev.tradewind.platform.web.Http.contentType;
import static dev.tradewind.platform.web.Http.get;
import static dev.tradewind.platform.web.Http.json;
import static dev.tradewind.platform.web.Http.postJson;
import static dev.tradewind.platform.web.Http.request;
import static dev.tradewind.platform.web.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
class ErrorHandlingIT extends WebIntegrationTest {
    private static final String VALID_ORDER = """
            {"symbol":"BTC-USD","side":"BUY","quantity":2,"price":"42000.50"}""";

    private String api(String path) {
        return url("/api/v1/test/public" + path);
    }

    /** Status, problem+json, code, the RFC 9457 members, and nothing that betrays our internals. */
    private static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(contentType(response)).startsWith("application/problem+json");
        JsonNode body = json(response);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("code").asString()).isEqualTo(code);
        assertThat(body.path("type").asString()).startsWith(Problems.TYPE_BASE);
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("detail").asString()).isNotBlank();
        assertThat(body.path("requestId").asString())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(response.body()).doesNotContain("Exception", "tools.jackson", "java.", "dev.tradewind",
                "springframework", "\tat ");
        return body;
    }

    private static List<String> fields(JsonNode problem) {
        return problem.path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }

    @Test
    void validRequestPasses() {
        HttpResponse<String> response = postJson(api("/orders"), VALID_ORDER);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).path("price").isString()).as("decimals travel as strings").isTrue();
        assertThat(json(response).path("price").asString()).isEqualTo("42000.50");
    }

    @Test
    void malformedJsonIs400WithLocation() {
        JsonNode problem = assertProblem(postJson(api("/orders"), "{\"symbol\": \"BTC-USD\", side}"), 400,
                ErrorCodes.MALFORMED_REQUEST);
        assertThat(problem.path("detail").asString()).startsWith("Malformed JSON at line 1, column");
    }

    @Test
    void truncatedJsonIs400() {
        JsonNode problem = assertProblem(postJson(api("/orders"), "{\"symbol\": \"BTC-USD\","), 400,
                ErrorCodes.MALFORMED_REQUEST);
        assertThat(problem.path("detail").asString()).startsWith("Malformed JSON");
    }

    @Test
    void wrongJsonTypeNamesTheFieldAndTheExpectedType() {
        JsonNode problem = assertProblem(postJson(api("/orders"), """
                {"symbol":"BTC-USD","side":"BUY","quantity":"lots","price":"1"}"""), 400, ErrorCodes.MALFORMED_REQUEST);
        assertThat(problem.path("detail").asString()).isEqualTo("Field 'quantity' must be an integer.");
        assertThat(fields(problem)).containsExactly("quantity");

        JsonNode objectForString = assertProblem(postJson(api("/orders"), """
                {"symbol":{"a":1},"side":"BUY","quantity":1,"price":"1"}"""), 400, ErrorCodes.MALFORMED_REQUEST);
        assertThat(objectForString.path("detail").asString()).isEqualTo("Field 'symbol' must be a string.");
    }

    @Test
    void bodyOfTheWrongShapeIs400() {
        JsonNode problem = assertProblem(postJson(api("/orders"), "[1,2]"), 400, ErrorCodes.MALFORMED_REQUEST);
        assertThat(problem.path("detail").asString()).isEqualTo("The request body must be an object.");
    }

    @Test
    void unknownEnumValueListsTheAllowedValues() {
        JsonNode problem = assertProblem(postJson(api("/orders"), """
                {"symbol":"BTC-USD","side":"HOLD","quantity":1,"price":"1"}"""), 400, ErrorCodes.MALFORMED_REQUEST);
        assertThat(problem.path("detail").asString()).isEqualTo("Field 'side' must be one of [BUY, SELL].");
        assertThat(fields(problem)).containsExactly("side");
    }

    @Test
    void missingBodyIs400() {
        JsonNode problem = assertProblem(send(request(api("/orders")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())), 400, ErrorCodes.MALFORMED_REQUEST);
        assertThat(problem.path("detail").asString()).contains("missing");
    }

    @Test
    void beanValidationListsEveryField() {
        JsonNode problem = assertProblem(postJson(api("/orders"), """
                {"symbol":" ","side":null,"quantity":0,"price":"0"}"""), 400, ErrorCodes.VALIDATION_FAILED);
        assertThat(fields(problem)).containsExactlyInAnyOrder("symbol", "side", "quantity", "price");
        assertThat(problem.path("errors").valueStream().map(e -> e.path("message").asString()))
                .allMatch(m -> !m.isBlank());
        assertThat(problem.path("detail").asString()).startsWith("Invalid request: ");
    }

    @Test
    void missingQueryParameterIs400() {
        JsonNode problem = assertProblem(get(api("/items/5")), 400, ErrorCodes.VALIDATION_FAILED);
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("limit");
        assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("is required");
    }

    @Test
    void pathVariableOfTheWrongTypeIs400() {
        JsonNode problem = assertProblem(get(api("/items/abc?limit=5")), 400, ErrorCodes.VALIDATION_FAILED);
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("id");
        assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("must be an integer");
    }

    @Test
    void queryParameterOutOfRangeIs400() {
        JsonNode problem = assertProblem(get(api("/items/5?limit=1000")), 400, ErrorCodes.VALIDATION_FAILED);
        assertThat(fields(problem)).containsExactly("limit");
        assertThat(get(api("/items/5?limit=10")).statusCode()).isEqualTo(200);
    }

    @Test
    void constraintViolationFromAValidatedBeanIs400() {
        JsonNode problem = assertProblem(get(api("/check?value=3")), 400, ErrorCodes.VALIDATION_FAILED);
        assertThat(fields(problem)).containsExactly("value");
    }

    @Test
    void unknownRouteIs404ProblemEvenForBrowsers() {
        assertProblem(get(api("/no-such-thing")), 404, ErrorCodes.NOT_FOUND);
        HttpResponse<String> html = send(request(api("/no-such-thing")).header("Accept", "text/html").GET());
        assertProblem(html, 404, ErrorCodes.NOT_FOUND);
        assertThat(html.body()).doesNotContain("<html", "Whitelabel");
    }

    @Test
    void unknownRouteIs404WhateverTheMethod() {
        assertProblem(postJson(api("/no-such-thing"), VALID_ORDER), 404, ErrorCodes.NOT_FOUND);
        assertProblem(send(request(api("/no-such-thing")).DELETE()), 404, ErrorCodes.NOT_FOUND);
    }

    @Test
    void wrongMethodIs405WithAllow() {
        HttpResponse<String> response = send(request(api("/ping")).DELETE());
        assertProblem(response, 405, ErrorCodes.METHOD_NOT_ALLOWED);
        assertThat(response.headers().firstValue("Allow").orElse("")).contains("GET");
    }

    @Test
    void unsupportedMediaTypeIs415() {
        JsonNode problem = assertProblem(send(request(api("/orders")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(VALID_ORDER))), 415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE);
        assertThat(problem.path("detail").asString()).contains("text/plain").contains("application/json");
    }

    @Test
    void apiExceptionKeepsItsStatusAndCode() {
        JsonNode problem = assertProblem(get(api("/api-error")), 422, ErrorCodes.INSUFFICIENT_FUNDS);
        assertThat(problem.path("detail").asString()).isEqualTo("Not enough USD.");
        assertThat(problem.path("type").asString()).isEqualTo(Problems.TYPE_BASE + "insufficient-funds");
    }

    @Test
    void unexpectedExceptionIsAGeneric500LoggedOnceWithItsStackTrace(CapturedOutput output) {
        HttpResponse<String> response = get(api("/boom"));
        JsonNode problem = assertProblem(response, 500, ErrorCodes.INTERNAL_ERROR);
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(problem.path("detail").asString())
                .isEqualTo("An unexpected error occurred. Quote request id " + requestId + " when you report it.");
        assertThat(response.body()).doesNotContain("secret", "hunter2", "IllegalState", "postgresql");

        String log = output.getAll();
        assertThat(log).containsOnlyOnce("java.lang.IllegalStateException: secret internal detail");
        assertThat(log.lines().filter(l -> l.contains("ERROR [" + requestId + "]")))
                .singleElement().asString().contains("Unexpected error on GET /api/v1/test/public/boom");
        assertThat(log).contains("at dev.tradewind.platform.web.WebTestConfiguration$TestApi.boom");
    }

    @Test
    void sendErrorIsRenderedByTheErrorPageAsProblem() {
        JsonNode problem = assertProblem(get(api("/send-error")), 409, ErrorCodes.CONFLICT);
        assertThat(problem.path("detail").asString()).isEqualTo("Already done.");
    }

    @Test
    void errorPathItselfAnswersProblem() {
        assertProblem(get(url("/error")), 404, ErrorCodes.NOT_FOUND);
    }

    @Test
    void securityExceptionsFromControllersAreLeftToSpringSecurity(CapturedOutput output) {
        // what method security (@PreAuthorize) throws: 401 for anonymous callers, 403 for authenticated ones
        assertThat(get(api("/denied")).statusCode()).isEqualTo(401);
        HttpResponse<String> authenticated = send(request(url("/api/v1/test/denied"))
                .header("Authorization", "Bearer " + TestJwts.token("denied-user", "BASIC")).GET());
        assertThat(authenticated.statusCode()).isEqualTo(403);
        assertThat(output.getAll()).doesNotContain("method security said no");
    }

    @Test
    void serverErrorsAreCounted() {
        get(api("/boom"));
        HttpResponse<String> metrics = get(url("/actuator/prometheus"));
        assertThat(metrics.body().lines().filter(l -> l.startsWith("tradewind_http_server_errors_total")))
                .anyMatch(l -> l.contains("status=\"500\""));
    }
}
