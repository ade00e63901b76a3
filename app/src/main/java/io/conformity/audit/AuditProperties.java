package io.conformity.audit;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how often the audit chain's head is written out, signed, beyond the reach of a database superuser.
 *
 * @param checkpointDirectory holds {@code checkpoints.jsonl} (one signed head per line) and the per-installation
 *     Ed25519 key that signs them (private key owner-only). Point it at storage the database's administrators cannot
 *     write, or copy it off the host
 * @param checkpointInterval how often a checkpoint is written when the chain grew; also written at start and stop
 */
@ConfigurationProperties("conformity.audit")
public record AuditProperties(
        @DefaultValue("./data/audit") Path checkpointDirectory,
        @DefaultValue("PT10M") Duration checkpointInterval) {

    public AuditProperties {
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("conformity.audit.checkpoint-interval must be positive");
        }
    }
}
