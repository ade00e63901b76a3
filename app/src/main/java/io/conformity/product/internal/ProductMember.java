package io.conformity.product.internal;

import java.time.Instant;
import java.util.UUID;

import io.conformity.product.MemberView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "product_member")
class ProductMember {

    @Id
    private UUID id;

    @Column(name = "product_id", nullable = false)
    private UUID productId;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "added_by", nullable = false, length = 64)
    private String addedBy;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected ProductMember() {}

    ProductMember(UUID productId, String username, String addedBy, Instant addedAt) {
        this.id = UUID.randomUUID();
        this.productId = productId;
        this.username = username;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    MemberView view() {
        return new MemberView(productId, username, addedBy, addedAt);
    }
}
