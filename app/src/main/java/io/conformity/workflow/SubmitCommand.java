package io.conformity.workflow;

import jakarta.validation.constraints.Size;

/** The engineer hands a principle over for review. */
public record SubmitCommand(@Size(max = 4000) String comment) {
}
