package io.conformity.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.conformity.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A personal API token the caller asks for: either {@code expiresAt} or {@code lifetime}, at most 366 days ahead.
 *
 * @param productId the product of an evidence-upload token; null for the other scopes
 * @param lifetime  an ISO-8601 duration such as {@code P90D}, instead of {@code expiresAt}
 */
public record CreateTokenCommand(
        @NotBlank @PlainText(max = 100) String name,
        @NotNull TokenScope scope,
        UUID productId,
        Instant expiresAt,
        Duration lifetime) {}
