package io.conformity.product.internal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ManufacturerRepository extends JpaRepository<Manufacturer, UUID> {
}

interface ProductRepository extends JpaRepository<Product, UUID> {
}

interface ProductProfileRepository extends JpaRepository<ProductProfile, UUID> {

    java.util.Optional<ProductProfile> findByProductIdAndVersion(UUID productId, String version);
}

interface ReleaseRepository extends JpaRepository<Release, UUID> {

    boolean existsByProductIdAndFirmwareVersion(UUID productId, String firmwareVersion);
}
