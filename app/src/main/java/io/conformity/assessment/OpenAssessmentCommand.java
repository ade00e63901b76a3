package io.conformity.assessment;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Opens an assessment of one release under one or more regimes ({@code PSTI}, {@code EN303645}, {@code CRA});
 * {@code en303645Version} chooses the version for {@code EN303645} (PSTI always relies on V2.1.1).
 *
 * @param supersedes the issued declarations of this release that the new assessment's declarations replace: every
 *                   issued one of a chosen regime must be named, so that a second statement on the same release is
 *                   never issued unnoticed
 */
public record OpenAssessmentCommand(
        @NotNull UUID releaseId,
        @NotEmpty @Size(max = 5) List<@NotBlank @Size(max = 40) String> regimes,
        @Size(max = 40) String en303645Version,
        @Size(max = 20) List<@NotNull UUID> supersedes) {

    public OpenAssessmentCommand {
        supersedes = supersedes == null ? List.of() : supersedes;
    }

    public OpenAssessmentCommand(UUID releaseId, List<String> regimes, String en303645Version) {
        this(releaseId, regimes, en303645Version, List.of());
    }
}
