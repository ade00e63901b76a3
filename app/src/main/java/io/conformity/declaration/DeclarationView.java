package io.conformity.declaration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A register entry: the issued file's hash and status, and what it states about its product.
 *
 * @param supersededBy     the declaration that replaced this one; null unless SUPERSEDED
 * @param withdrawalReason why the manufacturer withdrew it; null unless WITHDRAWN
 * @param supportPeriodEnd the end of the support period the statement states
 * @param retainedUntil    the last day the statement must be kept (PSTI regulations 8 and 9); it may be deleted
 *                         from the day after
 */
public record DeclarationView(
        UUID id,
        UUID assessmentId,
        String regime,
        DeclarationStatus status,
        String sha256,
        long size,
        Instant issuedAt,
        UUID productId,
        UUID releaseId,
        String manufacturer,
        String productType,
        String modelDesignation,
        String firmwareVersion,
        String batch,
        LocalDate supportPeriodEnd,
        UUID supersededBy,
        Instant supersededAt,
        String withdrawalReason,
        String withdrawnBy,
        Instant withdrawnAt,
        LocalDate retainedUntil) {}
