package io.conformity.workflow;

import io.conformity.validation.PlainText;

/** The engineer hands a principle over for review. */
public record SubmitCommand(
        @PlainText(max = 4000, multiline = true) String comment) {}
