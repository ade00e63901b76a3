package io.conformity.workflow;

import java.time.Instant;
import java.util.UUID;

/**
 * A task waiting in someone's inbox.
 *
 * @param principle the principle the task is about; null for the scope step and the approval
 * @param dueAt     when the task is due (conformity.workflow.due per regime); null for a task created before due dates
 * @param overdue   whether the engine's clock is past {@code dueAt}
 */
public record TaskView(
        String id,
        TaskKind kind,
        String name,
        UUID assessmentId,
        String principle,
        String role,
        Instant createdAt,
        Instant dueAt,
        boolean overdue) {}
