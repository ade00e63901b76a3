package io.conformity.product.internal;

import java.time.Instant;
import java.util.UUID;

import io.conformity.product.ReleaseView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "product_release")
class Release {

    @Id
    private UUID id;

    @Column(name = "product_id", nullable = false)
    private UUID productId;

    @Column(name = "firmware_version", nullable = false, length = 100)
    private String firmwareVersion;

    @Column(nullable = false, length = 200)
    private String batch;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Release() {}

    Release(UUID productId, String firmwareVersion, String batch, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.productId = productId;
        this.firmwareVersion = firmwareVersion;
        this.batch = batch;
        this.createdAt = createdAt;
    }

    UUID productId() {
        return productId;
    }

    ReleaseView view() {
        return new ReleaseView(id, productId, firmwareVersion, batch, createdAt);
    }
}
