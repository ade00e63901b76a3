package io.conformity.workflow;

import java.time.Instant;
import java.util.UUID;

/**
 * An approved assessment whose declaration the engine could not issue after every retry: the approval stands, and
 * the issuance waits for an administrator to remove the cause and retry.
 *
 * @param id      the incident, for the retry
 * @param message the last failure's message
 */
public record IssuanceIncidentView(String id, UUID assessmentId, String message, Instant occurredAt) {}
