package io.conformity.evidence;

import java.time.Instant;
import java.util.UUID;

/**
 * An evidence item; its bytes are addressed by {@code sha256} and never change.
 *
 * @param mediaType       detected from the content (never the client's claim)
 * @param declarationKind for a structured declaration, its kind ({@code interfaces} …); else null
 * @param schemaId        for a structured declaration, the {@code $id} of the schema it was validated against
 * @param analysis        what reading it found
 * @param carriedFrom     for evidence carried over from the previous release's assessment, where it came from
 *                        (its {@code uploadedBy} is then who carried it over); null when uploaded or declared here
 */
public record EvidenceView(
        UUID id,
        UUID assessmentId,
        UUID requirementAssessmentId,
        String principle,
        String requirementId,
        EvidenceKind kind,
        String declarationKind,
        String schemaId,
        String fileName,
        String mediaType,
        String sha256,
        long size,
        String uploadedBy,
        Instant uploadedAt,
        AnalysisView analysis,
        CarriedFrom carriedFrom) {}
