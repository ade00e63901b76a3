package io.conformity.product;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A firmware release of a product and the production batch it ships in. */
public record CreateReleaseCommand(
        @NotBlank @Size(max = 100) String firmwareVersion,
        @NotBlank @Size(max = 200) String batch) {
}
