package io.conformity.product;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A name and postal address, as Schedule 4 (b) asks for manufacturers and authorised representatives. */
public record Party(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 1000) String address) {
}
