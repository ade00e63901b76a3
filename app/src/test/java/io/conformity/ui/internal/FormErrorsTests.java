package io.conformity.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

class FormErrorsTests {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    record Item(@NotBlank String justification) {}

    record Command(
            @NotBlank String name,
            @Valid Item manufacturer,
            @Valid List<Item> items,
            List<@NotNull String> tags,
            Map<String, @NotBlank String> attributes) {}

    static class Facade {
        public void create(@Valid Command command) {}
    }

    private static final Command INVALID = new Command(
            " ", new Item(""), List.of(new Item("fine"), new Item("")), Arrays.asList("a", null), Map.of("colour", ""));

    private static final Map<String, String> FIELDS = Map.of(
            "name", "must not be blank",
            "manufacturer.justification", "must not be blank",
            "items.1.justification", "must not be blank",
            "tags.1", "must not be null",
            "attributes.colour", "must not be blank");

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aCommandTheControllerValidatedHasItsMessagesAtTheFields() {
        Set<ConstraintViolation<Command>> violations = VALIDATOR.validate(INVALID);

        FormErrors errors = FormErrors.of(violations, "Nothing was saved.");

        assertThat(errors.summary()).isEqualTo("Nothing was saved.");
        assertThat(errors.fields()).isEqualTo(FIELDS);
    }

    @Test
    void aFacadesArgumentIsNamedWithoutTheMethodAndArgument() throws NoSuchMethodException {
        Method create = Facade.class.getMethod("create", Command.class);
        Set<ConstraintViolation<Facade>> violations =
                VALIDATOR.forExecutables().validateParameters(new Facade(), create, new Object[] {INVALID});

        FormErrors errors = FormErrors.of(new ConstraintViolationException(violations));

        assertThat(errors.summary()).isEqualTo("Some fields need attention; nothing was saved.");
        assertThat(errors.fields()).isEqualTo(FIELDS);
    }
}
