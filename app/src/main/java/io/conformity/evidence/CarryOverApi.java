package io.conformity.evidence;

import java.util.List;
import java.util.UUID;

/**
 * Re-certification: an assessment of a new release takes over, principle by principle, the accepted evidence of
 * the previous release's assessment that the engineer confirms unchanged. Carried evidence names the same bytes
 * (by SHA-256, nothing is copied), is analysed again against today's catalog and analyzers, and counts like
 * uploaded evidence.
 *
 * <p>The previous assessment is the one of the same product, with the same set of regimes, for another release
 * created before the assessment's release, that was approved (status {@code APPROVED} or {@code ISSUED}); of
 * several, the one approved last.
 */
public interface CarryOverApi {

    /** What the previous assessment offers, per principle of the assessment; no previous: nothing offered. */
    CarryOverView offer(UUID assessmentId);

    /**
     * Carries the principle's accepted evidence from the previous assessment into the matching requirement
     * assessments, analysed again. Refused (409) while the principle is not open for evidence
     * ({@code evidence-closed}), and with {@code carry-over-refused} when there is nothing to carry, it was carried
     * already, or its applicable requirements differ from the previous assessment's; 422 {@code evidence-rejected}
     * when today's analyzer refuses a carried file. Nothing is stored on a refusal.
     *
     * @return the evidence items now in the assessment
     */
    List<EvidenceView> carry(UUID assessmentId, String principle, String carriedBy);
}
