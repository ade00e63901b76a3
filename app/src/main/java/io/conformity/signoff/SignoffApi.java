package io.conformity.signoff;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records decisions with the evidence they covered and enforces separation of duties: whoever uploaded
 * evidence for a principle cannot accept it, and whoever reviewed cannot approve the declaration.
 */
public interface SignoffApi {

    /** Records the decision that completes workflow task {@code taskId}. */
    SignoffView record(
            UUID assessmentId,
            String principle,
            String taskId,
            Decision decision,
            String actor,
            String role,
            String comment);

    /** The decision that completed a workflow task, if one did. */
    Optional<SignoffView> ofTask(String taskId);

    List<SignoffView> ofAssessment(UUID assessmentId);
}
