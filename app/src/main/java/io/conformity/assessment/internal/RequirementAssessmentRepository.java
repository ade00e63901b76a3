package io.conformity.assessment.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RequirementAssessmentRepository extends JpaRepository<RequirementAssessment, UUID> {

    List<RequirementAssessment> findByAssessmentIdOrderByPosition(UUID assessmentId);

    /** The requirements of several assessments, each assessment's in its order. */
    List<RequirementAssessment> findByAssessmentIdInOrderByAssessmentIdAscPositionAsc(Collection<UUID> assessmentIds);

    List<RequirementAssessment> findByAssessmentIdAndPrincipleOrderByPosition(UUID assessmentId, String principle);

    /** Which assessment a requirement belongs to, without loading it (so it can be loaded after a lock). */
    @Query("select r.assessmentId from RequirementAssessment r where r.id = ?1")
    Optional<UUID> assessmentIdOf(UUID id);
}
