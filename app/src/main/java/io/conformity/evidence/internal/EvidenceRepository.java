package io.conformity.evidence.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EvidenceRepository extends JpaRepository<Evidence, UUID> {

    List<Evidence> findByRequirementAssessmentIdOrderByUploadedAt(UUID requirementAssessmentId);

    List<Evidence> findByAssessmentIdOrderByUploadedAt(UUID assessmentId);

    @Query("select distinct e.uploadedBy from Evidence e where e.assessmentId = ?1 and e.principle = ?2")
    Set<String> uploadersOf(UUID assessmentId, String principle);
}
