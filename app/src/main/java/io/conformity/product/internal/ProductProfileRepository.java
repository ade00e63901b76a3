package io.conformity.product.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProductProfileRepository extends JpaRepository<ProductProfile, UUID> {

    Optional<ProductProfile> findByProductIdAndVersion(UUID productId, String version);
}
