package io.conformity.workflow;

import io.conformity.validation.PlainText;
import jakarta.validation.constraints.NotBlank;

/** The compliance officer's reason for ending an assessment: the product cannot be certified as it is. */
public record CloseCommand(
        @NotBlank @PlainText(max = 4000, multiline = true) String reason) {}
