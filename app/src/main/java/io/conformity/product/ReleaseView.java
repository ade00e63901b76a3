package io.conformity.product;

import java.time.Instant;
import java.util.UUID;

public record ReleaseView(UUID id, UUID productId, String firmwareVersion, String batch, Instant createdAt) {}
