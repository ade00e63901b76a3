package io.conformity.workflow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.conformity.assessment.VerdictCommand;
import io.conformity.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The officer's review of one principle: verdicts, then accept or send back (a send-back needs a comment). */
public record ReviewCommand(
        @NotNull @Size(max = 500) List<@NotNull @Valid VerdictCommand> verdicts,
        @NotNull Outcome decision,
        @PlainText(max = 4000, multiline = true) String comment) {

    public enum Outcome {
        ACCEPT,
        SEND_BACK
    }

    /** JSON Pointers of the verdicts that name a requirement an earlier verdict already names. */
    public List<String> repeatedVerdicts() {
        Set<UUID> seen = new HashSet<>();
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            if (!seen.add(verdicts.get(i).requirementAssessmentId())) {
                repeated.add("/verdicts/" + i + "/requirementAssessmentId");
            }
        }
        return repeated;
    }

    @AssertTrue(message = "a comment is required when sending a principle back")
    boolean isCommentGivenWhenSendingBack() {
        return decision != Outcome.SEND_BACK || (comment != null && !comment.isBlank());
    }
}
