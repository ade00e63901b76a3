package io.conformity.signoff;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.conformity.assessment.ConversationEntry;
import jakarta.validation.Valid;

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

    /**
     * Records a comment on a principle of an assessment in progress, by a member of its product; 404 when the
     * assessment has no such principle in scope.
     */
    ConversationEntry comment(
            UUID assessmentId, String principle, @Valid CommentCommand command, String author, String role);

    /**
     * Compares every current acceptance of a principle with the evidence the principle rests on now. An acceptance
     * whose covered evidence changed (an item gone, or one added) becomes void: kept, with the time and the change
     * as its reason. Run before the approval, under the assessment's lock.
     *
     * @return the principles whose acceptance this made void, to be reviewed again
     */
    List<String> voidStale(UUID assessmentId);
}
