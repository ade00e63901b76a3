package io.conformity.workflow;

import java.time.Instant;
import java.util.UUID;

/**
 * A task waiting in someone's inbox.
 *
 * @param principle the principle the task is about; null for the approval
 */
public record TaskView(
        String id, TaskKind kind, String name, UUID assessmentId, String principle, String role, Instant createdAt) {}
