package io.conformity.workflow;

import io.conformity.validation.PlainText;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/** The signatory's decision on the draft declaration; approving needs the place of issue (Schedule 4 (g)). */
public record ApproveCommand(
        @NotNull Outcome decision,
        @PlainText(max = 200, printed = true) String placeOfIssue,
        @PlainText(max = 4000, multiline = true) String comment) {

    public enum Outcome {
        APPROVE,
        REJECT
    }

    @AssertTrue(message = "the place of issue is required to approve")
    boolean isPlaceGivenWhenApproving() {
        return decision != Outcome.APPROVE || (placeOfIssue != null && !placeOfIssue.isBlank());
    }
}
