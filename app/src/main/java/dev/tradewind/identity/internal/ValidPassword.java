package dev.tradewind.identity.internal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A new password that satisfies {@link PasswordPolicy}; null is left to {@code @NotNull}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidPassword.Validator.class)
@interface ValidPassword {
    String message() default "does not satisfy the password policy";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidPassword, Password> {
        @Override
        public boolean isValid(Password password, ConstraintValidatorContext context) {
            if (password == null || password.value() == null) {
                return true;
            }
            return PasswordPolicy.violation(password.value()).map(why -> {
                // the message is one of the policy's constants, never the password
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(why).addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
