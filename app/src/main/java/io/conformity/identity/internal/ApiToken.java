package io.conformity.identity.internal;

import java.time.Instant;
import java.util.UUID;

import io.conformity.identity.ApiTokenView;
import io.conformity.identity.TokenScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A personal API token. Only the SHA-256 of its secret is kept: the secret has 256 random bits, so a digest
 * cannot be reversed and needs no slow hash, and checking a token is one indexed lookup.
 */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private TokenScope scope;

    @Column(name = "product_id")
    private UUID productId;

    @Column(nullable = false, length = 64, unique = true)
    private String digest;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {}

    ApiToken(
            UUID userId,
            String name,
            TokenScope scope,
            UUID productId,
            String digest,
            Instant createdAt,
            Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.name = name;
        this.scope = scope;
        this.productId = productId;
        this.digest = digest;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    UUID id() {
        return id;
    }

    UUID userId() {
        return userId;
    }

    TokenScope scope() {
        return scope;
    }

    UUID productId() {
        return productId;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    boolean usableAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    boolean revoked() {
        return revokedAt != null;
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    ApiTokenView view() {
        return new ApiTokenView(
                id, name, scope, productId, createdAt, expiresAt, lastUsedAt, revokedAt != null, revokedAt);
    }
}
