package io.conformity.assessment;

import java.util.UUID;

import io.conformity.validation.PlainText;
import jakarta.validation.constraints.NotNull;

/** An officer's verdict on one requirement assessment, with the justification shown in the annex. */
public record VerdictCommand(
        @NotNull UUID requirementAssessmentId,
        @NotNull Verdict verdict,

        @PlainText(max = 4000, multiline = true, printed = true)
        String justification) {}
