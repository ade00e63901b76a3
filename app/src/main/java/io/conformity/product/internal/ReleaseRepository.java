package io.conformity.product.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface ReleaseRepository extends JpaRepository<Release, UUID> {

    boolean existsByProductIdAndFirmwareVersion(UUID productId, String firmwareVersion);

    Page<Release> findByProductId(UUID productId, Pageable pageable);

    @Query("select r.id from Release r where r.productId = ?1")
    List<UUID> findIdsByProductId(UUID productId);

    @Query("select r.id from Release r where r.productId in ?1")
    Set<UUID> findIdsByProductIdIn(Set<UUID> productIds);

    /** Holds the release's row lock until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r.id from Release r where r.id = ?1")
    Optional<UUID> lockById(UUID releaseId);
}
