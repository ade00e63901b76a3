package io.conformity.identity;

import java.time.Instant;
import java.util.UUID;

/** A token as its owner sees it in a list: everything but the secret, which is never stored. */
public record ApiTokenView(
        UUID id,
        String name,
        TokenScope scope,
        UUID productId,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        boolean revoked,
        Instant revokedAt) {}
