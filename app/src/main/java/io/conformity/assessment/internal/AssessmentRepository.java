package io.conformity.assessment.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface AssessmentRepository extends JpaRepository<Assessment, UUID>, JpaSpecificationExecutor<Assessment> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Assessment a where a.id = :id")
    Optional<Assessment> findForUpdate(UUID id);

    /** Assessments of the release that have neither issued their declarations nor been closed as not certifiable. */
    @Query("select a from Assessment a where a.releaseId = :releaseId and a.status not in"
            + " (io.conformity.assessment.AssessmentStatus.ISSUED,"
            + " io.conformity.assessment.AssessmentStatus.NOT_CERTIFIED) order by a.openedAt")
    List<Assessment> findOpenByReleaseId(UUID releaseId);

    @Query("select a.releaseId from Assessment a where a.id = ?1")
    Optional<UUID> findReleaseIdById(UUID id);

    /** Per status, how many assessments there are: rows of status and count. */
    @Query("select a.status, count(a) from Assessment a group by a.status")
    List<Object[]> countByStatus();

    /** As {@link #countByStatus()}, of the assessments of these releases only. */
    @Query("select a.status, count(a) from Assessment a where a.releaseId in :releaseIds group by a.status")
    List<Object[]> countByStatusOfReleases(Collection<UUID> releaseIds);

    /** Rows of assessment id and release id. */
    @Query("select a.id, a.releaseId from Assessment a where a.id in :ids")
    List<Object[]> findReleaseIdsByIdIn(Collection<UUID> ids);
}
