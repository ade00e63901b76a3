package io.conformity.assessment;

import java.util.List;
import java.util.UUID;

/** Published inside the opening transaction, so that the workflow starts or the opening rolls back. */
public record AssessmentOpened(UUID assessmentId, String regime, List<String> principles) {

    public AssessmentOpened {
        principles = List.copyOf(principles);
    }
}
