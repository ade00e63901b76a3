package io.conformity.workflow;

import java.util.List;

import io.conformity.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The signatory's decision on the draft declaration; approving needs the place of issue (Schedule 4 (g)), rejecting
 * names the principles to reopen, each with the reason the engineer and the officer then read.
 */
public record ApproveCommand(
        @NotNull Outcome decision,
        @PlainText(max = 200, printed = true) String placeOfIssue,
        @PlainText(max = 4000, multiline = true) String comment,
        @Size(max = 200) List<@NotNull @Valid Reopen> reopen) {

    public ApproveCommand {
        reopen = reopen == null ? List.of() : reopen;
    }

    public ApproveCommand(Outcome decision, String placeOfIssue, String comment) {
        this(decision, placeOfIssue, comment, List.of());
    }

    public enum Outcome {
        APPROVE,
        REJECT
    }

    /** A principle the rejection sends back to evidence collection, and why. */
    public record Reopen(
            @PlainText(max = 60) String principle,
            @PlainText(max = 4000, multiline = true) String reason) {}

    @AssertTrue(message = "the place of issue is required to approve")
    boolean isPlaceGivenWhenApproving() {
        return decision != Outcome.APPROVE || (placeOfIssue != null && !placeOfIssue.isBlank());
    }
}
