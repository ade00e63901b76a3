package io.conformity.assessment.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AssessmentRepository extends JpaRepository<Assessment, UUID> {
}

interface RequirementAssessmentRepository extends JpaRepository<RequirementAssessment, UUID> {

    List<RequirementAssessment> findByAssessmentIdOrderByPosition(UUID assessmentId);

    List<RequirementAssessment> findByAssessmentIdAndPrincipleOrderByPosition(UUID assessmentId, String principle);
}
