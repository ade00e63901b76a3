package io.conformity.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.conformity.assessment.AssessmentStatus;

/**
 * The carry-over offer for an assessment.
 *
 * @param previous   the previous assessment, or null when there is none (then {@code principles} is empty)
 * @param principles per principle of the assessment that has applicable requirements, in catalog order
 */
public record CarryOverView(UUID assessmentId, Previous previous, List<PrincipleOffer> principles) {

    /** The previous release's assessment the evidence is offered from. */
    public record Previous(
            UUID assessmentId,
            UUID releaseId,
            String firmwareVersion,
            List<String> regimes,
            AssessmentStatus status,
            String approvedBy,
            Instant approvedAt) {}

    /**
     * One principle's offer.
     *
     * @param carriable    true when the carry-over would be taken now: evidence to carry, the same applicable
     *                     requirements as before, the principle open for evidence and not carried yet
     * @param carried      true once its evidence was carried into this assessment
     * @param reason       why it cannot be carried, null when it can
     * @param onlyBefore   requirements applicable in the previous assessment only ({@code V2.1.1 5.6-1})
     * @param onlyNow      requirements applicable in this assessment only
     * @param evidence     the previous assessment's accepted evidence of the principle
     * @param statements   its statements of why a requirement has no evidence, carried with the evidence
     */
    public record PrincipleOffer(
            String principle,
            boolean carriable,
            boolean carried,
            String reason,
            List<String> onlyBefore,
            List<String> onlyNow,
            List<OfferedEvidence> evidence,
            List<OfferedStatement> statements) {}

    /** An engineer's statement in the previous assessment of why a requirement has no evidence. */
    public record OfferedStatement(String requirement, String statement, String statedBy, Instant statedAt) {}

    /**
     * An accepted evidence item of the previous assessment.
     *
     * @param requirements the requirements it covered there ({@code V2.1.1 5.6-1}), its own first
     * @param analyzer     what read it last, null when it was not analysed
     */
    public record OfferedEvidence(
            UUID evidenceId,
            String fileName,
            EvidenceKind kind,
            String declarationKind,
            String sha256,
            long size,
            String uploadedBy,
            Instant uploadedAt,
            CarriedFrom carriedFrom,
            String analyzer,
            List<String> requirements) {}
}
