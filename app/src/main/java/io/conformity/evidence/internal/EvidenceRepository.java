package io.conformity.evidence.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EvidenceRepository extends JpaRepository<Evidence, UUID> {

    List<Evidence> findByRequirementAssessmentIdOrderByUploadedAt(UUID requirementAssessmentId);

    List<Evidence> findByAssessmentIdOrderByUploadedAt(UUID assessmentId);

    List<Evidence> findByAssessmentIdAndPrincipleOrderByUploadedAt(UUID assessmentId, String principle);

    List<Evidence> findByAssessmentIdInAndDeclarationKindOrderByUploadedAt(List<UUID> assessmentIds, String kind);

    @Query("select e from Evidence e where e.assessmentId = ?1 and (?2 is null or e.principle = ?2)"
            + " and lower(e.extractedText) like ?3 order by e.uploadedAt")
    List<Evidence> search(UUID assessmentId, String principle, String pattern);

    @Query("select distinct e.uploadedBy from Evidence e where e.assessmentId = ?1 and e.principle = ?2")
    Set<String> uploadersOf(UUID assessmentId, String principle);

    @Query("select distinct e.carriedFromUploadedBy from Evidence e where e.assessmentId = ?1 and e.principle = ?2"
            + " and e.carriedFromUploadedBy is not null")
    Set<String> originalUploadersOf(UUID assessmentId, String principle);

    boolean existsByAssessmentIdAndPrincipleAndCarriedFromEvidenceIdIsNotNull(UUID assessmentId, String principle);
}
