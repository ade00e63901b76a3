package io.conformity.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of the audit trail as a reader sees it.
 *
 * @param actor the user name, {@code system} for the engine's jobs, or the name a failed login gave
 * @param roles the actor's roles when acting
 * @param change the facts of the change, as digested
 * @param changeDigest SHA-256 of the canonical JSON of {@code change}
 * @param previousHash the hash of the entry before (64 zeros for the first)
 * @param hash SHA-256 over the canonical encoding of every other field
 */
public record AuditEntryView(
        long sequence,
        Instant occurredAt,
        String actor,
        List<String> roles,
        String action,
        String subjectType,
        String subjectId,
        String processInstanceId,
        JsonNode change,
        String changeDigest,
        String previousHash,
        String hash) {

    public AuditEntryView {
        roles = List.copyOf(roles);
    }
}
