package io.conformity.product;

import java.time.Instant;
import java.util.UUID;

/** A user who works on a product: who added them and when. */
public record MemberView(UUID productId, String username, String addedBy, Instant addedAt) {}
