package io.conformity.product;

import io.conformity.validation.PlainText;
import jakarta.validation.constraints.NotBlank;

/** A firmware release of a product and the production batch it ships in. */
public record CreateReleaseCommand(
        @NotBlank @PlainText(max = 100, printed = true) String firmwareVersion,
        @NotBlank @PlainText(max = 200, printed = true) String batch) {}
