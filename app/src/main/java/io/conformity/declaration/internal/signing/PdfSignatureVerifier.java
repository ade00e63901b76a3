package io.conformity.declaration.internal.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Checks the signature of an untrusted PDF and says, in plain words, what it proves. Never throws on bad input: a file
 * that is not a PDF, is damaged, or carries a broken signature gives a report saying so. The caller bounds the size.
 */
@Component
public class PdfSignatureVerifier {

    /** Scratch memory PDFBox may use while reading one file; the file itself is already in memory. */
    static final long SCRATCH_MEMORY_BYTES = 64L * 1024 * 1024;

    private static final Provider BC = new BouncyCastleProvider();
    private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    // PDF readers accept the header anywhere in the first kilobyte (ISO 32000-2, annex H; PDFBox does the same).
    private static final int HEADER_SEARCH = 1024;

    private final SigningCertificates register;

    PdfSignatureVerifier(SigningCertificates register) {
        this.register = register;
    }

    public SignatureReport verify(byte[] file) {
        if (file == null || !hasPdfHeader(file)) {
            return SignatureReport.unreadable(false, SignatureReport.NOT_A_PDF);
        }
        SignatureFields fields;
        try (PDDocument document = Loader.loadPDF(
                file, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(SCRATCH_MEMORY_BYTES).streamCache)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return SignatureReport.unreadable(true, SignatureReport.NOT_SIGNED);
            }
            // The last signature is the one over the latest revision; a declaration has only one.
            PDSignature last = signatures.stream()
                    .max(Comparator.comparingLong(PdfSignatureVerifier::end))
                    .orElseThrow();
            fields = new SignatureFields(
                    signatures.size(),
                    last.getByteRange(),
                    last.getSubFilter(),
                    last.getName(),
                    last.getReason(),
                    last.getLocation(),
                    instant(last.getSignDate()));
        } catch (InvalidPasswordException e) {
            return SignatureReport.unreadable(true, SignatureReport.ENCRYPTED);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // A parser fault on hostile input (deep nesting included) is a finding about the file, not an error.
            return SignatureReport.unreadable(true, SignatureReport.UNREADABLE);
        }
        try {
            return check(file, fields);
        } catch (DataAccessException e) {
            // The register could not be read: a fault of this installation, not a finding about the file.
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            return report(fields, new Findings(), List.of(SignatureReport.DAMAGED));
        }
    }

    private static boolean hasPdfHeader(byte[] file) {
        int limit = Math.min(file.length, HEADER_SEARCH) - PDF_HEADER.length;
        for (int i = 0; i <= limit; i++) {
            if (Arrays.equals(file, i, i + PDF_HEADER.length, PDF_HEADER, 0, PDF_HEADER.length)) {
                return true;
            }
        }
        return false;
    }

    private static long end(PDSignature signature) {
        int[] range = signature.getByteRange();
        return range.length == 4 ? (long) range[2] + range[3] : -1;
    }

    private static Instant instant(Calendar calendar) {
        return calendar == null ? null : calendar.toInstant();
    }

    /** What the signature dictionary says, read while the document was open. */
    private record SignatureFields(
            int count,
            int[] byteRange,
            String subFilter,
            String name,
            String reason,
            String location,
            Instant signingTime) {}

    /** What the checks found so far. */
    private static final class Findings {
        boolean intact;
        boolean coversWholeFile;
        String subject;
        String sha256;
        boolean registered;
        boolean certificateValidAtSigningTime;
        boolean timeStampPresent;
        boolean timeStampValid;
        Instant timeStampTime;
    }

    private SignatureReport check(byte[] file, SignatureFields fields) {
        Findings found = new Findings();
        List<String> problems = new ArrayList<>();
        int[] range = fields.byteRange();
        boolean rangeSound = range != null
                && range.length == 4
                && range[0] == 0
                && range[1] > 0
                && range[2] > range[1] + 1
                && range[3] >= 0
                && (long) range[2] + range[3] <= file.length
                && file[range[1]] == '<'
                && file[range[2] - 1] == '>';
        if (!rangeSound) {
            return report(fields, found, List.of(SignatureReport.PARTIAL));
        }
        byte[] contents;
        try {
            contents = HexFormat.of()
                    .parseHex(new String(file, range[1] + 1, range[2] - range[1] - 2, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            // Anything but the hex string between the two signed ranges is unsigned content inside the file.
            return report(fields, found, List.of(SignatureReport.PARTIAL));
        }
        found.coversWholeFile = (long) range[2] + range[3] == file.length;
        if (!found.coversWholeFile) {
            problems.add(SignatureReport.APPENDED);
        }
        if (!PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName().equals(fields.subFilter())
                && !PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED.getName().equals(fields.subFilter())) {
            problems.add(0, SignatureReport.UNSUPPORTED);
            return report(fields, found, problems);
        }
        byte[] signedContent = new byte[range[1] + range[3]];
        System.arraycopy(file, 0, signedContent, 0, range[1]);
        System.arraycopy(file, range[2], signedContent, range[1], range[3]);

        SignerInformation signer;
        CMSSignedData cms;
        try (ASN1InputStream in = new ASN1InputStream(contents)) {
            // Read as one ASN.1 object: the hex string is padded with zeros past the end of the CMS.
            cms = new CMSSignedData(
                    new CMSProcessableByteArray(signedContent), ContentInfo.getInstance(in.readObject()));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                problems.add(0, SignatureReport.UNSUPPORTED);
                return report(fields, found, problems);
            }
            signer = signers.iterator().next();
        } catch (Exception e) {
            problems.add(0, SignatureReport.DAMAGED);
            return report(fields, found, problems);
        }

        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            problems.add(0, SignatureReport.NO_CERTIFICATE);
            return report(fields, found, problems);
        }
        X509CertificateHolder holder = matches.iterator().next();
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter().getCertificate(holder);
        } catch (Exception e) {
            problems.add(0, SignatureReport.DAMAGED);
            return report(fields, found, problems);
        }
        found.subject = certificate.getSubjectX500Principal().getName();
        found.sha256 = Certificates.sha256(certificate);

        try {
            found.intact = signer.verify(
                    new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(holder));
            if (!found.intact) {
                problems.add(0, SignatureReport.WRONG_KEY);
            }
        } catch (CMSSignerDigestMismatchException e) {
            problems.add(0, SignatureReport.CHANGED);
        } catch (Exception e) {
            problems.add(0, SignatureReport.DAMAGED);
        }
        if (found.intact && !namesCertificate(signer.getSignedAttributes(), holder)) {
            found.intact = false;
            problems.add(0, SignatureReport.OTHER_CERTIFICATE);
        }

        found.registered = register.isRegistered(found.sha256);
        if (!found.registered) {
            problems.add(SignatureReport.NOT_REGISTERED);
        }

        checkTimeStamps(signer, found);
        if (found.timeStampPresent && !found.timeStampValid) {
            problems.add(SignatureReport.TIME_STAMP_INVALID);
        }

        Instant at = found.timeStampValid ? found.timeStampTime : fields.signingTime();
        found.certificateValidAtSigningTime = at == null
                || (!at.isBefore(certificate.getNotBefore().toInstant())
                        && !at.isAfter(certificate.getNotAfter().toInstant()));
        if (!found.certificateValidAtSigningTime) {
            problems.add(SignatureReport.CERTIFICATE_NOT_VALID);
        }
        return report(fields, found, problems);
    }

    /**
     * Whether the ESS signing-certificate attribute, if there is one, names the certificate the CMS carries. Without
     * it a signature could be re-wrapped with another certificate holding the same key.
     */
    private static boolean namesCertificate(AttributeTable signedAttributes, X509CertificateHolder holder) {
        if (signedAttributes == null) {
            return true;
        }
        try {
            byte[] der = holder.getEncoded();
            Attribute v2 = signedAttributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
            if (v2 != null) {
                ESSCertIDv2[] ids = SigningCertificateV2.getInstance(
                                v2.getAttrValues().getObjectAt(0))
                        .getCerts();
                return ids.length > 0 && Arrays.equals(ids[0].getCertHash(), digest(ids[0].getHashAlgorithm(), der));
            }
            Attribute v1 = signedAttributes.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
            if (v1 != null) {
                ESSCertID[] ids = SigningCertificate.getInstance(
                                v1.getAttrValues().getObjectAt(0))
                        .getCerts();
                return ids.length > 0
                        && Arrays.equals(
                                ids[0].getCertHash(),
                                digest(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1), der));
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Every signature time stamp must be over this signature value and verify with its authority's certificate. */
    private static void checkTimeStamps(SignerInformation signer, Findings found) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        if (unsigned == null) {
            return;
        }
        ASN1EncodableVector attributes = unsigned.getAll(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attributes.size() == 0) {
            return;
        }
        found.timeStampPresent = true;
        try {
            Instant earliest = null;
            for (int i = 0; i < attributes.size(); i++) {
                ASN1Encodable value =
                        Attribute.getInstance(attributes.get(i)).getAttrValues().getObjectAt(0);
                TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(value));
                ASN1ObjectIdentifier algorithm = token.getTimeStampInfo().getMessageImprintAlgOID();
                byte[] expected = digest(new AlgorithmIdentifier(algorithm), signer.getSignature());
                if (!Arrays.equals(expected, token.getTimeStampInfo().getMessageImprintDigest())) {
                    return;
                }
                @SuppressWarnings("unchecked")
                Collection<X509CertificateHolder> authority =
                        token.getCertificates().getMatches(token.getSID());
                if (authority.isEmpty()) {
                    return;
                }
                token.validate(new JcaSimpleSignerInfoVerifierBuilder()
                        .setProvider(BC)
                        .build(authority.iterator().next()));
                Instant time = token.getTimeStampInfo().getGenTime().toInstant();
                earliest = earliest == null || time.isBefore(earliest) ? time : earliest;
            }
            found.timeStampValid = true;
            found.timeStampTime = earliest;
        } catch (Exception e) {
            found.timeStampValid = false;
        }
    }

    private static byte[] digest(AlgorithmIdentifier algorithm, byte[] data) throws IOException {
        try {
            DigestCalculator calculator = new JcaDigestCalculatorProviderBuilder()
                    .setProvider(BC)
                    .build()
                    .get(algorithm);
            try (OutputStream out = calculator.getOutputStream()) {
                out.write(data);
            }
            return calculator.getDigest();
        } catch (OperatorCreationException e) {
            throw new IOException("Unsupported digest " + algorithm.getAlgorithm(), e);
        }
    }

    private static SignatureReport report(SignatureFields fields, Findings found, List<String> problems) {
        return new SignatureReport(
                true,
                true,
                fields.count(),
                found.intact,
                found.coversWholeFile,
                found.subject,
                found.sha256,
                found.registered,
                found.certificateValidAtSigningTime,
                fields.name(),
                fields.reason(),
                fields.location(),
                fields.signingTime(),
                found.timeStampPresent,
                found.timeStampValid,
                found.timeStampTime,
                problems);
    }
}
