package io.conformity.assessment;

import java.util.List;
import java.util.UUID;

/**
 * Published inside the confirming transaction once the compliance officer confirmed the scope (with any overrides),
 * so that evidence collection starts on these principles or the confirmation rolls back.
 *
 * @param principles the principles with at least one applicable requirement after the overrides, in catalog order
 */
public record AssessmentScopeConfirmed(UUID assessmentId, List<String> principles, String confirmedBy) {

    public AssessmentScopeConfirmed {
        principles = List.copyOf(principles);
    }
}
