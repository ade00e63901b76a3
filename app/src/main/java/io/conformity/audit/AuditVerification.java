package io.conformity.audit;

import java.time.Instant;
import java.util.List;

/**
 * The result of walking the audit chain. A broken chain is a finding, not an error of the request: it is reported
 * with {@code valid} false and the first broken entry named.
 *
 * @param entries how many entries were walked
 * @param head the last entry's sequence and hash as found
 * @param checkpoints how many signed checkpoints were checked
 * @param anchors how many heads carried by issued declarations were checked
 * @param firstBroken the lowest entry found broken, null when the chain is valid
 * @param findings every finding, lowest sequence first (at most {@value #MAX_FINDINGS})
 */
public record AuditVerification(
        boolean valid,
        Instant verifiedAt,
        long entries,
        ChainHead head,
        int checkpoints,
        int anchors,
        Finding firstBroken,
        List<Finding> findings) {

    public static final int MAX_FINDINGS = 50;

    public AuditVerification {
        findings = List.copyOf(findings);
    }

    /** @param sequence the entry concerned; @param reason what does not hold */
    public record Finding(long sequence, String reason) {}
}
