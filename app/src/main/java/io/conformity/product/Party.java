package io.conformity.product;

import io.conformity.validation.PlainText;
import jakarta.validation.constraints.NotBlank;

/** A name and postal address, as Schedule 4 (b) asks for manufacturers and authorised representatives. */
public record Party(
        @NotBlank @PlainText(max = 200, printed = true) String name,

        @NotBlank @PlainText(max = 1000, multiline = true, printed = true)
        String address) {}
