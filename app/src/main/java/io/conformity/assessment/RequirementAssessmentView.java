package io.conformity.assessment;

import java.util.UUID;

/**
 * One requirement in scope of an assessment.
 *
 * @param mandatory true for the requirements the legal statement rests on
 */
public record RequirementAssessmentView(UUID id, UUID assessmentId, String principle, String frameworkUrn,
        String frameworkVersion, String requirementId, String title, boolean mandatory, RequirementStatus status,
        Verdict verdict, String justification) {
}
