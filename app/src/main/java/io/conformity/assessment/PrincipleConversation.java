package io.conformity.assessment;

import java.util.List;
import java.util.UUID;

/**
 * Reads what was decided and said on an assessment's principles, oldest first. Implemented where decisions are
 * recorded (the sign-off module), so that the assessment's view can show them without depending on it.
 */
public interface PrincipleConversation {

    /** Every decision and comment on the assessment; the caller has already checked it may read the assessment. */
    List<ConversationEntry> of(UUID assessmentId);
}
