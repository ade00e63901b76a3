package io.conformity.validation;

import java.util.Optional;
import java.util.OptionalInt;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

class PlainTextValidator implements ConstraintValidator<PlainText, String> {

    private int max;
    private boolean multiline;
    private boolean printed;
    private PrintableCharacters printable;

    /**
     * Spring's validator factory injects the fonts' coverage; a validator built outside Spring (a plain Bean
     * Validation factory in a unit test) checks everything but printability.
     */
    @Autowired
    void setPrintableCharacters(ObjectProvider<PrintableCharacters> printable) {
        this.printable = printable.getIfAvailable();
    }

    @Override
    public void initialize(PlainText annotation) {
        max = annotation.max();
        multiline = annotation.multiline();
        printed = annotation.printed();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        Optional<String> problem = TextRules.problem(value, max, multiline).or(() -> unprintable(value));
        if (problem.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escape(problem.get())).addConstraintViolation();
        return false;
    }

    private Optional<String> unprintable(String value) {
        if (!printed || printable == null || value == null) {
            return Optional.empty();
        }
        OptionalInt missing = printable.firstUnprintable(value);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        int cp = missing.getAsInt();
        return Optional.of("contains " + new String(Character.toChars(cp)) + " ("
                + String.format("U+%04X", cp) + "), which no font of the declaration can print; the declaration "
                + "would show it as a blank box. Write it in another script or ask an administrator to add a font "
                + "that covers it");
    }

    // The message is a template: braces and dollars from the checked text must not be interpolated.
    private static String escape(String message) {
        return message.replace("\\", "\\\\")
                .replace("{", "\\{")
                .replace("}", "\\}")
                .replace("$", "\\$");
    }
}
