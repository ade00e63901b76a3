package io.conformity.assessment.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import jakarta.persistence.LockModeType;

interface AssessmentRepository extends JpaRepository<Assessment, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Assessment a where a.id = :id")
    Optional<Assessment> findForUpdate(UUID id);
}

interface RequirementAssessmentRepository extends JpaRepository<RequirementAssessment, UUID> {

    List<RequirementAssessment> findByAssessmentIdOrderByPosition(UUID assessmentId);

    List<RequirementAssessment> findByAssessmentIdAndPrincipleOrderByPosition(UUID assessmentId, String principle);
}
