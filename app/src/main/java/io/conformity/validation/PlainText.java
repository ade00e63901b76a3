package io.conformity.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text a person typed, checked by {@link TextRules}: {@code max} counts characters as a person sees them. Null is
 * valid; combine with {@code @NotNull} or {@code @NotBlank} where the value is required.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.TYPE_USE,
    ElementType.RECORD_COMPONENT,
    ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    int max();

    /** Whether line breaks and tabs are allowed (addresses, comments), or the value is one line (names). */
    boolean multiline() default false;

    /**
     * Whether the text is printed on a declaration: then every character must be covered by a configured font
     * ({@link PrintableCharacters}).
     */
    boolean printed() default false;

    String message() default "is not acceptable text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
