package io.conformity.audit.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.PageRequest;

import io.conformity.audit.AuditVerification.Finding;
import jakarta.persistence.EntityManager;

/**
 * Walks the chain after a known entry, page by page, recomputing every hash and link. Entries are let go after each
 * page, so a long chain costs time, not memory.
 */
final class ChainWalk {

    private static final int PAGE = 500;

    private ChainWalk() {}

    /**
     * @param afterSequence the entry the walk starts after (0: from the start)
     * @param afterHash that entry's trusted hash (the genesis hash from the start)
     * @param capture sequences whose stored hash to return, to compare with anchors
     */
    static Result after(
            AuditEntryRepository entries,
            EntityManager entityManager,
            long afterSequence,
            String afterHash,
            Set<Long> capture) {
        List<Finding> findings = new ArrayList<>();
        Map<Long, String> captured = new HashMap<>();
        long expected = afterSequence + 1;
        String previousHash = afterHash;
        long count = 0;
        long cursor = afterSequence;
        while (true) {
            List<AuditEntry> page =
                    entries.findBySequenceGreaterThanOrderBySequenceAsc(cursor, PageRequest.of(0, PAGE));
            if (page.isEmpty()) {
                break;
            }
            for (AuditEntry entry : page) {
                long sequence = entry.sequence();
                if (sequence != expected) {
                    findings.add(new Finding(
                            expected,
                            "missing: the chain goes from entry " + (expected - 1) + " to entry " + sequence));
                } else if (!entry.previousHash().equals(previousHash)) {
                    findings.add(new Finding(
                            sequence,
                            "does not link to entry " + (sequence - 1) + ": its previous hash is not that entry's"
                                    + " hash"));
                }
                if (!CanonicalJson.sha256(entry.changeJson()).equals(entry.changeDigest())) {
                    findings.add(new Finding(sequence, "its change does not match its change digest"));
                }
                if (!entry.link().hash().equals(entry.hash())) {
                    findings.add(new Finding(sequence, "its hash does not match its contents"));
                }
                if (capture.contains(sequence)) {
                    captured.put(sequence, entry.hash());
                }
                previousHash = entry.hash();
                expected = sequence + 1;
                cursor = sequence;
                count++;
            }
            entityManager.clear();
        }
        return new Result(count, expected - 1, previousHash, findings, captured);
    }

    /**
     * @param lastSequence the last entry walked (the start when none was)
     * @param lastHash its stored hash
     * @param captured stored hash by sequence, for the sequences asked for that exist
     */
    record Result(
            long entries, long lastSequence, String lastHash, List<Finding> findings, Map<Long, String> captured) {}
}
