package io.conformity.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One requirement in scope of an assessment.
 *
 * @param icsStatus     the ICS status of the requirement ({@code M C (1)} …), null outside EN 303 645
 * @param mandatory     true for the requirements the declaration rests on
 * @param regimes       the regimes that brought it into scope, as recorded when the assessment was opened
 * @param applicable    false when the product profile makes it not applicable
 * @param justification the officer's justification, or the generated one for a requirement not applicable
 * @param icsSupport    the manufacturer's ICS claim (Y, N, N/A) if one was imported
 * @param noEvidenceStatement the engineer's statement of why no evidence exists, if one was made
 * @param computedApplicable  what the catalog worked out from the product profile; differs from {@code applicable}
 *     when the officer overrode it at the scope step
 * @param scopeJustification  the officer's reason for that override (null without one), printed in the annex
 */
public record RequirementAssessmentView(
        UUID id,
        UUID assessmentId,
        String principle,
        String frameworkUrn,
        String frameworkVersion,
        String requirementId,
        String title,
        String icsStatus,
        boolean mandatory,
        List<String> regimes,
        boolean applicable,
        RequirementStatus status,
        Verdict verdict,
        String justification,
        String icsSupport,
        String icsDetail,
        String noEvidenceStatement,
        String noEvidenceBy,
        Instant noEvidenceAt,
        boolean computedApplicable,
        String scopeJustification,
        String scopeOverriddenBy,
        Instant scopeOverriddenAt) {

    /** Whether the officer changed the computed applicability at the scope step. */
    public boolean scopeOverridden() {
        return scopeOverriddenBy != null;
    }

    public boolean inCollection() {
        return applicable && status == RequirementStatus.OPEN;
    }
}
