package io.conformity.evidence;

import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Evidence uploads, stored once by SHA-256 in the blob store and never modified. */
public interface EvidenceApi {

    /**
     * Streams an upload into the store and records it against a requirement assessment that is still open for
     * evidence. A refused upload stores nothing.
     */
    EvidenceView upload(
            UUID requirementAssessmentId, String fileName, String mediaType, InputStream content, String uploadedBy);

    EvidenceView evidence(UUID id);

    EvidenceContent open(UUID id);

    List<EvidenceView> ofRequirement(UUID requirementAssessmentId);

    List<EvidenceView> ofAssessment(UUID assessmentId);

    /** Who uploaded evidence for the principle: they may not accept it (separation of duties). */
    Set<String> uploadersOf(UUID assessmentId, String principle);
}
