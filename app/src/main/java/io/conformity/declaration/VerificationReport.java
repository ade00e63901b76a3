package io.conformity.declaration;

import java.time.Instant;
import java.util.List;

/**
 * The answer to "is this the declaration it claims to be?", for a reader who is not a PDF expert: a verdict, one
 * sentence saying it, the reasons in plain words, and the details behind them.
 *
 * @param verdict        VALID: signed here, unaltered, identical to an issued file that is still current;
 *                       NOT_CURRENT: all that, but the register marks it superseded or withdrawn; NOT_VALID: anything
 *                       else
 * @param summary        the verdict in one sentence
 * @param reasons        each finding in plain words, the failed ones first
 * @param signature      what the file's signature shows, or null when the file could not be read as a PDF
 * @param registered     whether the file is byte-for-byte one that was issued here
 * @param declaration    the register entry of that file, or null
 */
public record VerificationReport(
        Verdict verdict,
        String summary,
        List<String> reasons,
        Signature signature,
        boolean registered,
        RegisterEntry declaration) {

    public VerificationReport {
        reasons = List.copyOf(reasons);
    }

    public enum Verdict {
        VALID,
        NOT_CURRENT,
        NOT_VALID
    }

    /**
     * @param signed          the file carries a signature
     * @param intact          the signed bytes are unchanged and the signature verifies with its certificate
     * @param coversWholeFile nothing was added after signing
     * @param registeredKey   the signing certificate is one this installation signs with
     * @param signer          the certificate's subject
     * @param signatoryName   the name in the signature
     * @param signingTime     the time the signature claims
     * @param timeStamped     an RFC 3161 time stamp is present and valid
     * @param timeStampTime   the time the time-stamp authority certified
     */
    public record Signature(
            boolean signed,
            boolean intact,
            boolean coversWholeFile,
            boolean registeredKey,
            String signer,
            String signatoryName,
            Instant signingTime,
            boolean timeStamped,
            Instant timeStampTime) {}
}
