package io.conformity.workflow;

import java.util.List;

import io.conformity.assessment.ScopeOverrideCommand;
import io.conformity.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The compliance officer confirms the applicability the catalog worked out from the product profile; no overrides
 * confirms it as computed.
 */
public record ScopeCommand(
        @Size(max = 2000) List<@NotNull @Valid ScopeOverrideCommand> overrides,
        @PlainText(max = 4000, multiline = true) String comment) {

    public ScopeCommand {
        overrides = overrides == null ? List.of() : overrides;
    }
}
