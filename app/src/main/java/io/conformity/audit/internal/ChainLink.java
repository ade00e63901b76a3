package io.conformity.audit.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of an entry that its hash covers, and how the hash is computed: SHA-256 of the canonical JSON of all of
 * them, the change by its digest and the previous entry by its hash. Changing any field of any entry therefore
 * changes its hash and breaks the link from the entry after it.
 */
record ChainLink(
        long sequence,
        Instant occurredAt,
        String actor,
        List<String> roles,
        String action,
        String subjectType,
        String subjectId,
        String processInstanceId,
        String changeDigest,
        String previousHash) {

    /** Part of every encoding, so that a future encoding can tell the entries written before it apart. */
    static final int VERSION = 1;

    ChainLink {
        roles = List.copyOf(roles);
    }

    String hash() {
        return CanonicalJson.sha256(encoding());
    }

    String encoding() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("v", VERSION);
        fields.put("sequence", sequence);
        // Instant.toString: ISO-8601, UTC, exactly the stored precision (entries are kept to the microsecond).
        fields.put("occurredAt", occurredAt.toString());
        fields.put("actor", actor);
        fields.put("roles", roles);
        fields.put("action", action);
        fields.put("subjectType", subjectType);
        fields.put("subjectId", subjectId);
        fields.put("processInstanceId", processInstanceId);
        fields.put("changeDigest", changeDigest);
        fields.put("previousHash", previousHash);
        return CanonicalJson.of(fields);
    }
}
