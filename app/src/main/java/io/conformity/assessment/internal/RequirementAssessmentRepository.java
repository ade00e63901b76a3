package io.conformity.assessment.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RequirementAssessmentRepository extends JpaRepository<RequirementAssessment, UUID> {

    List<RequirementAssessment> findByAssessmentIdOrderByPosition(UUID assessmentId);

    /** The requirements of several assessments, each assessment's in its order. */
    List<RequirementAssessment> findByAssessmentIdInOrderByAssessmentIdAscPositionAsc(Collection<UUID> assessmentIds);

    List<RequirementAssessment> findByAssessmentIdAndPrincipleOrderByPosition(UUID assessmentId, String principle);
}
