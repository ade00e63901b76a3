package io.conformity.assessment;

import io.conformity.validation.PlainText;
import jakarta.validation.constraints.NotBlank;

/** Why no evidence exists for a requirement (for example: the product has no such interface). */
public record NoEvidenceStatementCommand(
        @NotBlank @PlainText(max = 4000, multiline = true, printed = true)
        String statement) {}
