package io.conformity.declaration.internal;

import java.time.Instant;
import java.util.UUID;

import io.conformity.declaration.DeclarationStatus;
import io.conformity.declaration.DeclarationView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "declaration")
class Declaration {

    @Id
    private UUID id;

    @Column(name = "assessment_id", nullable = false, updatable = false)
    private UUID assessmentId;

    @Column(nullable = false, length = 40, updatable = false)
    private String regime;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DeclarationStatus status;

    @Column(nullable = false, length = 64, updatable = false)
    private String sha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    protected Declaration() {}

    Declaration(UUID id, UUID assessmentId, String regime, String sha256, long size, Instant issuedAt) {
        this.id = id;
        this.assessmentId = assessmentId;
        this.regime = regime;
        this.status = DeclarationStatus.ISSUED;
        this.sha256 = sha256;
        this.size = size;
        this.issuedAt = issuedAt;
    }

    String sha256() {
        return sha256;
    }

    DeclarationView view() {
        return new DeclarationView(id, assessmentId, regime, status, sha256, size, issuedAt);
    }
}
