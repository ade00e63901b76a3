package io.conformity.declaration;

import java.time.Instant;
import java.util.UUID;

/** A register entry: the issued file's hash and status. */
public record DeclarationView(
        UUID id,
        UUID assessmentId,
        String regime,
        DeclarationStatus status,
        String sha256,
        long size,
        Instant issuedAt) {}
