package io.conformity.workflow;

import java.time.Instant;
import java.util.UUID;

import io.conformity.identity.Role;

/**
 * Published (as a Spring application event, inside the engine's job transaction) when a timer on a waiting task
 * fires: a reminder before the task is due, or the task is overdue. Whoever tells people listens for it.
 *
 * @param role the role the task waits for (its candidate group)
 * @param principle null for the approval
 */
public record TaskDeadline(
        Kind kind,
        String taskId,
        String taskName,
        UUID assessmentId,
        UUID productId,
        String principle,
        Role role,
        Instant dueAt) {

    public enum Kind {
        /** The task is due soon: the role's members of the product are reminded. */
        REMINDER,
        /** The task is past due: escalated to the product's compliance officers (and the role again). */
        OVERDUE
    }
}
