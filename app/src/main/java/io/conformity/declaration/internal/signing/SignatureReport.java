package io.conformity.declaration.internal.signing;

import java.time.Instant;
import java.util.List;

/**
 * What a PDF's signature proves, for a person who is not a cryptographer: each check on its own, and the problems in
 * plain words. The report is about the last signature of the file (a declaration has one).
 *
 * @param pdf whether the bytes could be read as a PDF at all
 * @param signed whether the PDF carries a signature
 * @param signatureCount how many signatures it carries
 * @param signatureIntact whether the CMS signature verifies with its embedded certificate over the signed byte ranges
 *     (message digest and signature value)
 * @param coversWholeFile whether the signed byte ranges run to the end of the file (nothing was appended)
 * @param signerSubject the signer certificate's subject (RFC 2253)
 * @param signerCertificateSha256 SHA-256 of the signer certificate (DER), lower-case hex
 * @param registeredCertificate whether the signer certificate is one this installation has signed with
 * @param certificateValidAtSigningTime whether the signer certificate was within its validity at the signing time
 * @param signatoryName the signatory as the signature dictionary names them ({@code /Name})
 * @param reason the reason stated ({@code /Reason})
 * @param location the place stated ({@code /Location})
 * @param signingTime the signing time the signature dictionary claims ({@code /M})
 * @param timeStampPresent whether an RFC 3161 time stamp is attached to the signature
 * @param timeStampValid whether that time stamp is over this signature value and its own signature verifies
 * @param timeStampTime when the time-stamp authority saw the signature
 * @param problems what is wrong, in plain words; empty when nothing is
 */
public record SignatureReport(
        boolean pdf,
        boolean signed,
        int signatureCount,
        boolean signatureIntact,
        boolean coversWholeFile,
        String signerSubject,
        String signerCertificateSha256,
        boolean registeredCertificate,
        boolean certificateValidAtSigningTime,
        String signatoryName,
        String reason,
        String location,
        Instant signingTime,
        boolean timeStampPresent,
        boolean timeStampValid,
        Instant timeStampTime,
        List<String> problems) {

    public static final String NOT_A_PDF = "The file is not a PDF.";
    public static final String UNREADABLE = "The file could not be read as a PDF.";
    public static final String ENCRYPTED = "The file is password-protected and cannot be checked.";
    public static final String NOT_SIGNED = "The file is not signed.";
    public static final String CHANGED = "The file was changed after it was signed.";
    public static final String APPENDED = "Content was added after the signature.";
    public static final String NOT_REGISTERED = "The signature is not by a key registered here.";
    public static final String DAMAGED = "The signature is damaged and cannot be checked.";
    public static final String WRONG_KEY = "The signature does not match the certificate it carries.";
    public static final String NO_CERTIFICATE = "The signature does not carry the signer's certificate.";
    public static final String OTHER_CERTIFICATE =
            "The signature names a different certificate than the one it" + " carries.";
    public static final String PARTIAL = "The signature does not cover the file as it was signed.";
    public static final String UNSUPPORTED = "The signature is of a kind this check does not support.";
    public static final String CERTIFICATE_NOT_VALID =
            "The signer's certificate was not valid at the time of" + " signing.";
    public static final String TIME_STAMP_INVALID = "The time stamp on the signature is not valid.";

    public SignatureReport {
        problems = List.copyOf(problems);
    }

    /**
     * Whether the file is exactly as it was signed: the signature intact, covering the whole file, by a certificate
     * valid at the time, with a valid time stamp if it has one. Whether the key is registered here is a separate
     * question ({@link #registeredCertificate()}).
     */
    public boolean valid() {
        return signatureIntact
                && coversWholeFile
                && certificateValidAtSigningTime
                && (!timeStampPresent || timeStampValid);
    }

    /** A report with nothing verified: the file is not a PDF, could not be read, or carries no signature. */
    static SignatureReport unreadable(boolean pdf, String problem) {
        return new SignatureReport(
                pdf,
                false,
                0,
                false,
                false,
                null,
                null,
                false,
                false,
                null,
                null,
                null,
                null,
                false,
                false,
                null,
                List.of(problem));
    }
}
