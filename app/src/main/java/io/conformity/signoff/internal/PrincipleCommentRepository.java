package io.conformity.signoff.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface PrincipleCommentRepository extends JpaRepository<PrincipleComment, UUID> {

    List<PrincipleComment> findByAssessmentIdOrderByWrittenAt(UUID assessmentId);
}
