package io.conformity.assessment;

import java.util.List;
import java.util.UUID;

/**
 * Published inside the opening transaction, so that the workflow starts or the opening rolls back.
 *
 * @param principles the principles with at least one applicable requirement: one workflow branch each
 */
public record AssessmentOpened(UUID assessmentId, List<String> regimes, List<String> principles) {

    public AssessmentOpened {
        regimes = List.copyOf(regimes);
        principles = List.copyOf(principles);
    }
}
