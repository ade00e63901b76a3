package io.conformity.product;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Registers a manufacturer with its postal address and any authorised representatives. */
public record CreateManufacturerCommand(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 1000) String address,
        @Valid @Size(max = 20) List<Party> authorisedRepresentatives) {

    public CreateManufacturerCommand {
        authorisedRepresentatives = authorisedRepresentatives == null ? List.of() : authorisedRepresentatives;
    }
}
