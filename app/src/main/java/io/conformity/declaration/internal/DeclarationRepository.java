package io.conformity.declaration.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeclarationRepository extends JpaRepository<Declaration, UUID> {

    Optional<Declaration> findByAssessmentIdAndRegime(UUID assessmentId, String regime);

    List<Declaration> findByAssessmentIdOrderByRegime(UUID assessmentId);
}
