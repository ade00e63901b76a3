package io.conformity.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * The audit trail, read side. Entries are appended only by the module itself, from {@link Audited} events.
 */
public interface AuditApi {

    /** The last committed entry's sequence and hash; sequence 0 and the genesis hash while the trail is empty. */
    ChainHead head();

    /**
     * Walks the whole chain, recomputing every hash, and checks it against the signed checkpoints and the heads
     * carried by issued declarations ({@link AuditAnchors}).
     */
    AuditVerification verify();

    /** The entries about one subject (every subject when null), in the page's order of sequence. */
    Page<AuditEntryView> history(String subjectId, Pageable pageable);
}
