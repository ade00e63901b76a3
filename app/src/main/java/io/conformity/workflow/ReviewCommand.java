package io.conformity.workflow;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.conformity.assessment.VerdictCommand;

/** The officer's review of one principle: verdicts, then accept or send back (a send-back needs a comment). */
public record ReviewCommand(@Valid @NotNull @Size(max = 500) List<VerdictCommand> verdicts,
        @NotNull Outcome decision, @Size(max = 4000) String comment) {

    public enum Outcome {
        ACCEPT, SEND_BACK
    }

    @AssertTrue(message = "a comment is required when sending a principle back")
    boolean isCommentGivenWhenSendingBack() {
        return decision != Outcome.SEND_BACK || (comment != null && !comment.isBlank());
    }
}
