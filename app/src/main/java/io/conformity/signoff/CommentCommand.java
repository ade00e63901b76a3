package io.conformity.signoff;

import io.conformity.validation.PlainText;
import jakarta.validation.constraints.NotBlank;

/** A comment on a principle: a question to the reviewer, an answer to the engineer, a note for the next round. */
public record CommentCommand(
        @NotBlank @PlainText(max = 4000, multiline = true) String text) {}
