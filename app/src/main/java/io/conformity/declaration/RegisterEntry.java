package io.conformity.declaration;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * One statement as a regulator sees it in the register: what it is about, where it stands, and the file to check
 * it against. Who inside the manufacturer withdrew it stays internal ({@link DeclarationView}).
 *
 * @param pdf where the issued file is downloaded; its SHA-256 and size are {@code sha256} and {@code size}
 */
public record RegisterEntry(
        UUID id,
        String manufacturer,
        String productType,
        String modelDesignation,
        String firmwareVersion,
        String batch,
        String regime,
        DeclarationStatus status,
        UUID supersededBy,
        Instant supersededAt,
        String withdrawalReason,
        Instant withdrawnAt,
        Instant issuedAt,
        String sha256,
        long size,
        URI pdf) {

    public static RegisterEntry of(DeclarationView d, URI pdf) {
        return new RegisterEntry(
                d.id(),
                d.manufacturer(),
                d.productType(),
                d.modelDesignation(),
                d.firmwareVersion(),
                d.batch(),
                d.regime(),
                d.status(),
                d.supersededBy(),
                d.supersededAt(),
                d.withdrawalReason(),
                d.withdrawnAt(),
                d.issuedAt(),
                d.sha256(),
                d.size(),
                pdf);
    }
}
