package io.conformity.declaration.internal.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Signs a declaration PDF with PAdES baseline-B (ETSI EN 319 142-1; {@code ETSI.CAdES.detached}), and baseline-T when
 * a time-stamp authority is configured. The signature is an incremental update: the renderer's bytes, PDF/A as they
 * are, stay the first bytes of the signed file unchanged.
 */
@Component
public class PadesSigner {

    // Room for the CMS beyond the certificates: signer info, attributes, signature value (RSA 4096 is 512 bytes).
    private static final int CMS_OVERHEAD = 4096;
    // A time-stamp token carries the authority's signature and usually its certificate chain; a larger one costs a
    // second pass (see sign).
    private static final int TIME_STAMP_ALLOWANCE = 8 * 1024;

    private final SigningKeys keys;
    private final TimeStampClient timeStamps;

    @Autowired
    PadesSigner(SigningKeys keys, SigningProperties properties) {
        this(
                keys,
                properties.tsaUrl() == null ? null : new TimeStampClient(properties.tsaUrl(), properties.tsaTimeout()));
    }

    PadesSigner(SigningKeys keys, TimeStampClient timeStamps) {
        this.keys = keys;
        this.timeStamps = timeStamps;
    }

    /** Whether signatures carry an RFC 3161 time stamp (baseline-T). */
    public boolean timeStamped() {
        return timeStamps != null;
    }

    /**
     * The signed PDF: {@code pdf} followed by an incremental update holding the signature field and the signature.
     *
     * @throws TimeStampException when a time-stamp authority is configured and gives no valid token
     * @throws SigningException when the PDF cannot be read or the certificate is not valid at the signing time
     */
    public byte[] sign(byte[] pdf, SignatureDetails details) {
        X509Certificate certificate = keys.certificate();
        Instant at = details.signingTime();
        if (at.isBefore(certificate.getNotBefore().toInstant())
                || at.isAfter(certificate.getNotAfter().toInstant())) {
            throw new SigningException("The signing certificate "
                    + certificate.getSubjectX500Principal().getName()
                    + " is valid from " + certificate.getNotBefore().toInstant() + " to "
                    + certificate.getNotAfter().toInstant() + ", not at " + at + "; configure a current key");
        }
        int reserved = reservedSize();
        int[] produced = new int[1];
        try {
            return sign(pdf, details, reserved, produced);
        } catch (IOException e) {
            if (produced[0] <= reserved) {
                throw new SigningException("The declaration could not be signed: " + e.getMessage(), e);
            }
        }
        // The CMS outgrew the space kept for it (a time-stamp authority with a long certificate chain): once more,
        // with room for what it turned out to need.
        try {
            return sign(pdf, details, produced[0] + 2048, new int[1]);
        } catch (IOException e) {
            throw new SigningException("The declaration could not be signed: " + e.getMessage(), e);
        }
    }

    private byte[] sign(byte[] pdf, SignatureDetails details, int reserved, int[] produced) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf);
                SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(details.signatoryName());
            signature.setReason(details.reason());
            if (!details.location().isBlank()) {
                signature.setLocation(details.location());
            }
            signature.setSignDate(calendar(details.signingTime()));
            options.setPreferredSignatureSize(reserved);
            document.addSignature(
                    signature,
                    content -> {
                        byte[] cms = cms(content);
                        produced[0] = cms.length;
                        return cms;
                    },
                    options);
            SignatureTagging.tag(document, signature, details);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * reserved + 8192);
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private int reservedSize() {
        int certificates = 0;
        for (X509Certificate certificate : keys.chain()) {
            try {
                certificates += certificate.getEncoded().length;
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return CMS_OVERHEAD + certificates + (timeStamps == null ? 0 : TIME_STAMP_ALLOWANCE);
    }

    private static Calendar calendar(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    /** The detached CMS SignedData over the byte ranges PDFBox passes in; DER as ISO 32000 asks. */
    private byte[] cms(InputStream content) throws IOException {
        try {
            X509Certificate certificate = keys.certificate();
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .setSignedAttributeGenerator(signedAttributes(certificate))
                            .build(
                                    new JcaContentSignerBuilder(Certificates.signatureAlgorithm(keys.privateKey()))
                                            .build(keys.privateKey()),
                                    certificate));
            generator.addCertificates(new JcaCertStore(keys.chain()));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false);
            if (timeStamps != null) {
                signed = withTimeStamp(signed);
            }
            return signed.getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException | CertificateEncodingException e) {
            throw new IOException("CMS signature failed: " + e.getMessage(), e);
        }
    }

    /**
     * Content type and message digest (added by BouncyCastle), and ESS signing-certificate-v2, which binds the
     * certificate to the signature as baseline-B requires. No signing-time attribute: PAdES carries the time in the
     * dictionary's {@code /M} and EN 319 142-1 asks that the attribute be absent.
     */
    private static CMSAttributeTableGenerator signedAttributes(X509Certificate certificate)
            throws CertificateEncodingException {
        ESSCertIDv2 id = new ESSCertIDv2(
                Certificates.digest(certificate.getEncoded()),
                new IssuerSerial(
                        X500Name.getInstance(
                                certificate.getIssuerX500Principal().getEncoded()),
                        certificate.getSerialNumber()));
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(
                PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
        DefaultSignedAttributeTableGenerator standard =
                new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
        return parameters -> standard.getAttributes(parameters).remove(CMSAttributes.signingTime);
    }

    /** The time stamp over the signature value, as the unsigned attribute id-aa-signatureTimeStampToken. */
    private CMSSignedData withTimeStamp(CMSSignedData signed) throws IOException {
        List<SignerInformation> signers = new ArrayList<>();
        for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
            TimeStampToken token = timeStamps.timeStamp(Certificates.digest(signer.getSignature()));
            ASN1EncodableVector unsigned = signer.getUnsignedAttributes() == null
                    ? new ASN1EncodableVector()
                    : signer.getUnsignedAttributes().toASN1EncodableVector();
            unsigned.add(new Attribute(
                    PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(ASN1Primitive.fromByteArray(token.getEncoded()))));
            signers.add(SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(unsigned)));
        }
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(signers));
    }
}
