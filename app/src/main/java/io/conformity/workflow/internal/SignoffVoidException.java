package io.conformity.workflow.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;

/** The approval found acceptances whose evidence changed; they are void and their principles back in review. */
class SignoffVoidException extends ProblemException {

    SignoffVoidException(UUID assessmentId, List<String> principles) {
        super(
                ProblemType.SIGNOFF_VOID,
                "Nothing was approved: the evidence under the acceptance of principle(s) "
                        + String.join(", ", principles)
                        + " of assessment " + assessmentId + " changed since it was accepted. Those acceptances are"
                        + " void (see the sign-offs) and the principles are back in review; approve once they are"
                        + " accepted again.",
                Map.of("principles", List.copyOf(principles)));
    }
}
