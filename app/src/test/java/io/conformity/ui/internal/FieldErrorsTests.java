package io.conformity.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;

class FieldErrorsTests {

    @Test
    void listItemsMoveToTheFieldOfTheirKey() {
        FormErrors api = new FormErrors(
                "2 problems",
                Map.of(
                        "overrides.1.justification", "is required",
                        "overrides.7.justification", "beyond the list",
                        "comment", "too long"));

        FormErrors form =
                FieldErrors.indexed(api, "overrides", List.of("a", "b"), Map.of("justification", "justification-"));

        assertThat(form.summary()).isEqualTo("2 problems");
        assertThat(form.fields())
                .containsEntry("justification-b", "is required")
                .containsEntry("overrides.7.justification", "beyond the list")
                .containsEntry("comment", "too long");
    }

    @Test
    void theRequirementsARefusalNamesGetTheMessage() {
        UUID named = UUID.randomUUID();
        ProblemException refusal = new ProblemException(
                ProblemType.MANDATORY_REQUIREMENT_FAILED,
                "mandatory requirements judged FAIL",
                Map.of("requirementAssessmentIds", List.of(named)));

        FormErrors form = FieldErrors.named(FormErrors.of(refusal), refusal, id -> "verdict-" + id, "failed");

        assertThat(form.summary()).isEqualTo("mandatory requirements judged FAIL");
        assertThat(form.fields()).containsOnly(Map.entry("verdict-" + named, "failed"));
    }
}
