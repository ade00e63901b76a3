package io.conformity.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** A date strictly before an ISO date ({@code 2100-01-01}): a sane horizon for dates a person enters. */
@Documented
@Constraint(validatedBy = BeforeValidator.class)
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.TYPE_USE,
    ElementType.RECORD_COMPONENT,
    ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface Before {

    String value();

    String message() default "must be before {value}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
