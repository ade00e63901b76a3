package io.conformity.validation;

import java.time.LocalDate;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

class BeforeValidator implements ConstraintValidator<Before, LocalDate> {

    private LocalDate limit;

    @Override
    public void initialize(Before annotation) {
        limit = LocalDate.parse(annotation.value());
    }

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
        return value == null || value.isBefore(limit);
    }
}
