package io.conformity.signoff.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

import io.conformity.signoff.Decision;

interface SignoffRepository extends JpaRepository<Signoff, UUID> {

    List<Signoff> findByAssessmentIdOrderByDecidedAt(UUID assessmentId);

    Optional<Signoff> findFirstByTaskId(String taskId);

    boolean existsByAssessmentIdAndActorAndDecisionIn(UUID assessmentId, String actor, List<Decision> decisions);
}
