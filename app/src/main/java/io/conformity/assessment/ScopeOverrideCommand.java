package io.conformity.assessment;

import java.util.UUID;

import io.conformity.validation.PlainText;
import jakarta.validation.constraints.NotNull;

/**
 * The compliance officer's change to the applicability the catalog worked out for one requirement, at the scope
 * step. Either way it needs a justification, which the declaration's annex prints.
 */
public record ScopeOverrideCommand(
        @NotNull UUID requirementAssessmentId,
        @NotNull Boolean applicable,

        @PlainText(max = 4000, multiline = true, printed = true)
        String justification) {}
