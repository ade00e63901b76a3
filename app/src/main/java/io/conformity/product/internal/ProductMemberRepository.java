package io.conformity.product.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProductMemberRepository extends JpaRepository<ProductMember, UUID> {

    boolean existsByProductIdAndUsername(UUID productId, String username);

    Optional<ProductMember> findByProductIdAndUsername(UUID productId, String username);

    List<ProductMember> findByProductIdOrderByUsername(UUID productId);

    @Query("select m.username from ProductMember m where m.productId = ?1 order by m.username")
    List<String> findUsernamesByProductId(UUID productId);

    @Query("select m.productId from ProductMember m where m.username = ?1")
    Set<UUID> findProductIdsByUsername(String username);
}
