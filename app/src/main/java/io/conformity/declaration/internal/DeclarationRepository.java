package io.conformity.declaration.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import io.conformity.declaration.DeclarationStatus;
import jakarta.persistence.LockModeType;

interface DeclarationRepository extends JpaRepository<Declaration, UUID>, JpaSpecificationExecutor<Declaration> {

    Optional<Declaration> findByAssessmentIdAndRegime(UUID assessmentId, String regime);

    List<Declaration> findByAssessmentIdOrderByRegime(UUID assessmentId);

    List<Declaration> findByAssessmentIdInOrderByRegime(Collection<UUID> assessmentIds);

    List<Declaration> findByReleaseIdAndStatusAndRegimeInOrderByIssuedAtAscIdAsc(
            UUID releaseId, DeclarationStatus status, Collection<String> regimes);

    Optional<Declaration> findFirstBySha256(String sha256);

    /** Holds the row lock until the transaction ends: two withdrawals or deletions of one entry run one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from Declaration d where d.id = :id")
    Optional<Declaration> findForUpdate(@Param("id") UUID id);

    @Query("select d.assessmentId from Declaration d where d.id = ?1")
    Optional<UUID> findAssessmentIdById(UUID id);
}
