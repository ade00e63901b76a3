package io.conformity.product;

import java.util.List;

import io.conformity.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Registers a manufacturer with its postal address and any authorised representatives. */
public record CreateManufacturerCommand(
        @NotBlank @PlainText(max = 200, printed = true) String name,

        @NotBlank @PlainText(max = 1000, multiline = true, printed = true)
        String address,

        @Size(max = 20) List<@NotNull @Valid Party> authorisedRepresentatives) {

    public CreateManufacturerCommand {
        authorisedRepresentatives = authorisedRepresentatives == null ? List.of() : authorisedRepresentatives;
    }
}
