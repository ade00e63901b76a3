package io.conformity.assessment;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An officer's verdict on one requirement assessment, with the justification shown in the annex. */
public record VerdictCommand(@NotNull UUID requirementAssessmentId, @NotNull Verdict verdict,
        @Size(max = 4000) String justification) {
}
