package io.conformity.product.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface ManufacturerRepository extends JpaRepository<Manufacturer, UUID>, JpaSpecificationExecutor<Manufacturer> {
}

interface ProductRepository extends JpaRepository<Product, UUID>, JpaSpecificationExecutor<Product> {
}

interface ProductProfileRepository extends JpaRepository<ProductProfile, UUID> {

    Optional<ProductProfile> findByProductIdAndVersion(UUID productId, String version);
}

interface ReleaseRepository extends JpaRepository<Release, UUID> {

    boolean existsByProductIdAndFirmwareVersion(UUID productId, String firmwareVersion);

    Page<Release> findByProductId(UUID productId, Pageable pageable);

    @Query("select r.id from Release r where r.productId = ?1")
    List<UUID> findIdsByProductId(UUID productId);
}
