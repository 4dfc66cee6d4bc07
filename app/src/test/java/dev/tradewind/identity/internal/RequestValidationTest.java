package dev.tradewind.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The request records as Jackson and Bean Validation see them: normalized on arrival, passwords never shown. */
class RequestValidationTest {
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void registrationIsNormalizedOnArrival() {
        RegisterRequest request = json.readValue("""
                {"email":"  Alice@Example.COM ","password":"correct horse battery 9","displayName":"  Alice "}""",
                RegisterRequest.class);
        assertThat(request.email()).isEqualTo("alice@example.com");
        assertThat(request.displayName()).isEqualTo("Alice");
        assertThat(request.password().value()).isEqualTo("correct horse battery 9");
        assertThat(VALIDATOR.validate(request)).isEmpty();
    }

    @Test
    void violationsNameTheFieldAndNeverTheSecret() {
        RegisterRequest request = new RegisterRequest("not an email", new Password("weakpassword"), "\u0007");
        Map<String, String> violations = VALIDATOR.validate(request).stream().collect(Collectors.toMap(
                v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage));
        assertThat(violations).containsOnlyKeys("email", "password", "displayName");
        assertThat(violations.get("password")).contains("at least two");
        Set<ConstraintViolation<RegisterRequest>> all = VALIDATOR.validate(request);
        assertThat(all).allSatisfy(v -> assertThat(String.valueOf(v.getInvalidValue())).doesNotContain("weakpassword"));
        assertThat(request.toString()).doesNotContain("weakpassword").contains("[redacted]");
    }

    @Test
    void missingFieldsAreViolations() {
        RegisterRequest empty = json.readValue("{}", RegisterRequest.class);
        assertThat(VALIDATOR.validate(empty)).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("email", "password", "displayName");
        LoginRequest login = json.readValue("{\"email\":\"a@example.com\"}", LoginRequest.class);
        assertThat(VALIDATOR.validate(login)).extracting(v -> v.getPropertyPath().toString()).containsExactly("password");
    }
}
