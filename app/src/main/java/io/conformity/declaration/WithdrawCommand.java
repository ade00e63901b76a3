package io.conformity.declaration;

import io.conformity.validation.PlainText;
import jakarta.validation.constraints.NotBlank;

/** Why the manufacturer no longer stands by an issued statement; the register shows it to regulators. */
public record WithdrawCommand(
        @NotBlank @PlainText(max = 4000, multiline = true) String reason) {}
