package io.conformity.evidence;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Evidence: files and structured declarations, stored once by SHA-256 and never modified, read on arrival by the
 * analyzer that recognises them into findings against provisions.
 */
public interface EvidenceApi {

    /**
     * Streams an upload into the store, analyses it, and records it against a requirement assessment that is still
     * open for evidence. The media type is detected from the content. A refused or rejected upload stores nothing;
     * an upload that loses the race against the principle's submission is refused (409).
     */
    EvidenceView upload(UUID requirementAssessmentId, String fileName, InputStream content, String uploadedBy);

    /**
     * Validates a structured declaration against the schema of its kind and records it, hashed over its RFC 8785
     * canonical form, so that the same statement always has the same SHA-256.
     */
    EvidenceView declare(UUID requirementAssessmentId, String kind, byte[] json, String declaredBy);

    /** The kinds of structured declaration: name, schema id, title and the provisions each evidences. */
    List<DeclarationKindView> declarationKinds();

    /** The JSON Schema of a kind, as stored in {@code evidence-schema/evidence/}. */
    String declarationSchema(String kind);

    /** The evidence item with its analysis and findings. */
    EvidenceView evidence(UUID id);

    /** The stored bytes, re-hashed while they are read: a mismatch ends the stream with an error. */
    EvidenceContent open(UUID id);

    List<EvidenceView> ofRequirement(UUID requirementAssessmentId);

    /** The evidence of an assessment or of one of its principles ({@code null}: all); text search in documents. */
    List<EvidenceView> ofAssessment(UUID assessmentId, String principle, String text);

    /**
     * Per applicable requirement assessment of the principle ({@code null}: of every principle, in a few queries): the
     * evidence covering it and its findings.
     */
    List<RequirementEvidence> ofPrinciple(UUID assessmentId, String principle);

    /** Findings of an assessment, by principle ({@code null}: all) and severities (empty: all), most severe first. */
    Page<FindingView> findings(UUID assessmentId, String principle, Set<Severity> severities, Pageable pageable);

    /** The software components of an assessment's release, from its SBOMs. */
    Page<ComponentView> components(UUID assessmentId, Pageable pageable);

    /** Who uploaded evidence for the principle: they may not accept it (separation of duties). */
    Set<String> uploadersOf(UUID assessmentId, String principle);

    /**
     * Per assessment, how many findings of each severity it has (every severity present, zero when none), counted in
     * one query; the caller must be able to read each of them ({@code findings} asks the same).
     */
    Map<UUID, Map<Severity, Long>> findingCounts(Collection<UUID> assessmentIds);
}
