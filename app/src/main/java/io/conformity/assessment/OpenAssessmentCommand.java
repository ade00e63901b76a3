package io.conformity.assessment;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Opens an assessment of one release under one regime (e.g. {@code PSTI}). */
public record OpenAssessmentCommand(@NotNull UUID releaseId, @NotBlank @Size(max = 40) String regime) {
}
