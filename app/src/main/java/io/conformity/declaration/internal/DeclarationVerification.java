package io.conformity.declaration.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.conformity.declaration.DeclarationStatus;
import io.conformity.declaration.DeclarationView;
import io.conformity.declaration.VerificationReport;
import io.conformity.declaration.VerificationReport.Verdict;
import io.conformity.declaration.internal.signing.PdfSignatureVerifier;
import io.conformity.declaration.internal.signing.SignatureReport;

/**
 * Checks a file someone was given against what was issued here. Both questions are asked independently — does the
 * file's own signature hold, and is it byte for byte a file in the register — because either alone can mislead: a
 * copy re-signed with another key has a valid signature, and a registered declaration may since have been withdrawn.
 */
@Component
class DeclarationVerification {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    private final PdfSignatureVerifier signatures;
    private final DeclarationRepository declarations;
    private final RegisterLinks links;

    DeclarationVerification(PdfSignatureVerifier signatures, DeclarationRepository declarations, RegisterLinks links) {
        this.signatures = signatures;
        this.declarations = declarations;
        this.links = links;
    }

    /**
     * Not transactional: parsing an untrusted file must not hold a database connection; the register lookup is one
     * short query of its own.
     */
    VerificationReport verify(byte[] file) {
        SignatureReport signature = signatures.verify(file);
        Optional<DeclarationView> registered =
                declarations.findFirstBySha256(sha256(file)).map(Declaration::view);
        List<String> reasons = new ArrayList<>(signature.problems());
        boolean genuine = signature.valid() && signature.registeredCertificate() && registered.isPresent();
        if (registered.isEmpty()) {
            reasons.add(
                    signature.signed() && signature.valid()
                            ? "The file is not identical to any declaration issued here."
                            : "The file is not one issued here, or it was changed.");
        } else {
            reasons.add(status(registered.get()));
        }
        Verdict verdict;
        String summary;
        if (!genuine) {
            verdict = Verdict.NOT_VALID;
            summary = "Not valid: this file is not a declaration as issued here. Do not rely on it.";
        } else if (registered.get().status() == DeclarationStatus.ISSUED) {
            verdict = Verdict.VALID;
            summary = "Valid: this is declaration " + registered.get().id() + " exactly as issued on "
                    + DAY.format(registered.get().issuedAt().atZone(ZoneOffset.UTC))
                    + ", signed for the manufacturer, and it is still current.";
        } else {
            verdict = Verdict.NOT_CURRENT;
            summary = "Genuine but no longer current: this is declaration "
                    + registered.get().id()
                    + " as issued, but it has been "
                    + registered.get().status().name().toLowerCase(Locale.ROOT)
                    + ".";
        }
        if (genuine) {
            reasons.add(0, "The signature is intact, covers the whole file and is by a key registered here.");
        }
        return new VerificationReport(
                verdict,
                summary,
                reasons,
                signature.pdf()
                        ? new VerificationReport.Signature(
                                signature.signed(),
                                signature.signatureIntact(),
                                signature.coversWholeFile(),
                                signature.registeredCertificate(),
                                signature.signerSubject(),
                                signature.signatoryName(),
                                signature.signingTime(),
                                signature.timeStampPresent() && signature.timeStampValid(),
                                signature.timeStampTime())
                        : null,
                registered.isPresent(),
                registered.map(links::entry).orElse(null));
    }

    private static String status(DeclarationView d) {
        return switch (d.status()) {
            case ISSUED -> "The register lists it as issued and current.";
            case SUPERSEDED ->
                "The register lists it as superseded by declaration " + d.supersededBy() + " on "
                        + DAY.format(d.supersededAt().atZone(ZoneOffset.UTC)) + ".";
            case WITHDRAWN ->
                "The register lists it as withdrawn on "
                        + DAY.format(d.withdrawnAt().atZone(ZoneOffset.UTC)) + ": " + d.withdrawalReason();
        };
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
