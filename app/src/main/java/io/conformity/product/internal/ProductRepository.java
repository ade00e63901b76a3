package io.conformity.product.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface ProductRepository extends JpaRepository<Product, UUID>, JpaSpecificationExecutor<Product> {

    /** Products in support whose period ends on or before {@code day}: what the support-period watch looks at. */
    @Query("select p.id from Product p where p.outOfSupportSince is null and p.supportPeriodEnd <= ?1")
    List<UUID> findIdsInSupportEndingBy(LocalDate day);

    /**
     * The product with its row locked until the transaction ends: a support-period change and a declaration stating
     * the period run one after the other, so neither works from a stale end date.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Product p where p.id = :id")
    Optional<Product> findForUpdate(UUID id);
}
