package io.conformity.signoff;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A recorded decision: who, in which role, when, on what. {@code evidenceHashes} are the SHA-256 of the evidence
 * the decision covered; the decision is void if that set changes: then {@code voidedAt} and {@code voidReason} say when
 * and which evidence changed, and the record is kept. {@code taskId} is the workflow task the decision completed.
 */
public record SignoffView(
        UUID id,
        UUID assessmentId,
        String principle,
        String taskId,
        Decision decision,
        String actor,
        String role,
        Instant decidedAt,
        String comment,
        List<String> evidenceHashes,
        Instant voidedAt,
        String voidReason) {

    /** Still counts: not made void by a change of the evidence it covered. */
    public boolean current() {
        return voidedAt == null;
    }
}
