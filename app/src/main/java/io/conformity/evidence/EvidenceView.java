package io.conformity.evidence;

import java.time.Instant;
import java.util.UUID;

/** An uploaded evidence file; its bytes are addressed by {@code sha256} and never change. */
public record EvidenceView(
        UUID id,
        UUID assessmentId,
        UUID requirementAssessmentId,
        String principle,
        String requirementId,
        String fileName,
        String mediaType,
        String sha256,
        long size,
        String uploadedBy,
        Instant uploadedAt) {}
