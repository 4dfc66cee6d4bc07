package dev.tradewind.identity.internal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A normalized display name acceptable to {@link DisplayNames}; null is left to {@code @NotNull}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidDisplayName.Validator.class)
@interface ValidDisplayName {
    String message() default "is not an acceptable display name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidDisplayName, String> {
        @Override
        public boolean isValid(String name, ConstraintValidatorContext context) {
            if (name == null) {
                return true;
            }
            return DisplayNames.violation(name).map(why -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(why).addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
