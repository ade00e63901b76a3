package io.conformity.declaration.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import io.conformity.support.TestTimeStampAuthority;

/** The signer and the verifier with real PDFBox, BouncyCastle, H2 and an RFC 3161 server over HTTP. */
class PadesSignerTests {

    private static final Path PDFSIG = Path.of("/usr/bin/pdfsig");
    private static final SignatureDetails DETAILS = new SignatureDetails(
            "Jane Doe", "Head of Product Security", "ACME Devices Ltd", "Cambridge", Instant.now());

    @TempDir
    static Path keys;

    private static SigningCertificates register;
    private static SigningKeys signingKeys;
    private static PdfSignatureVerifier verifier;
    private static TestTimeStampAuthority tsa;
    private static PadesSigner signer;
    private static PadesSigner timeStampingSigner;

    @BeforeAll
    static void installation() {
        JdbcTemplate database = SigningDatabases.h2();
        register = new SigningCertificates(database);
        signingKeys =
                new SigningKeys(SigningProperties.generated(keys.resolve("signing")), register, Clock.systemUTC());
        verifier = new PdfSignatureVerifier(register);
        tsa = TestTimeStampAuthority.start();
        signer = new PadesSigner(signingKeys, (TimeStampClient) null);
        timeStampingSigner = new PadesSigner(signingKeys, new TimeStampClient(tsa.url(), Duration.ofSeconds(10)));
    }

    @AfterAll
    static void stopAuthority() {
        tsa.close();
    }

    @AfterEach
    void authorityBackToNormal() {
        tsa.failing(false).delay(Duration.ZERO).extraCertificates(0);
    }

    @Test
    void signedPdfIsValidCoversTheWholeFileAndIsByARegisteredKey() {
        byte[] pdf = SamplePdfs.plain();

        byte[] signed = signer.sign(pdf, DETAILS);
        SignatureReport report = verifier.verify(signed);

        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.pdf()).isTrue();
        assertThat(report.signed()).isTrue();
        assertThat(report.signatureCount()).isEqualTo(1);
        assertThat(report.signatureIntact()).isTrue();
        assertThat(report.coversWholeFile()).isTrue();
        assertThat(report.registeredCertificate()).isTrue();
        assertThat(report.certificateValidAtSigningTime()).isTrue();
        assertThat(report.signerSubject()).startsWith("CN=Conformity installation ");
        assertThat(report.signerCertificateSha256()).isEqualTo(signingKeys.certificateSha256());
        assertThat(report.signatoryName()).isEqualTo("Jane Doe");
        assertThat(report.reason())
                .isEqualTo("Signed for and on behalf of ACME Devices Ltd by Jane Doe, Head of Product Security");
        assertThat(report.location()).isEqualTo("Cambridge");
        assertThat(report.signingTime()).isEqualTo(DETAILS.signingTime().truncatedTo(ChronoUnit.SECONDS));
        assertThat(report.timeStampPresent()).isFalse();
        // An incremental update: the renderer's bytes (PDF/A as made) are untouched at the start of the signed file.
        assertThat(Arrays.copyOf(signed, pdf.length)).isEqualTo(pdf);
    }

    @Test
    void signatureDictionaryIsPadesWithSignatoryReasonLocationAndDate() throws IOException {
        byte[] signed = signer.sign(SamplePdfs.plain(), DETAILS);

        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getLastSignatureDictionary();
            assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(signature.getName()).isEqualTo("Jane Doe");
            assertThat(signature.getReason()).contains("ACME Devices Ltd", "Jane Doe", "Head of Product Security");
            assertThat(signature.getLocation()).isEqualTo("Cambridge");
            assertThat(signature.getSignDate().toInstant())
                    .isEqualTo(DETAILS.signingTime().truncatedTo(ChronoUnit.SECONDS));
            // PDF/A: the widget is printable and neither hidden nor invisible.
            PDAnnotationWidget widget =
                    document.getSignatureFields().get(0).getWidgets().get(0);
            assertThat(widget.isPrinted()).isTrue();
            assertThat(widget.isHidden() || widget.isInvisible() || widget.isNoView())
                    .isFalse();
        }
    }

    @Test
    void cmsIsBaselineBWithSigningCertificateV2AndNoSigningTime() throws Exception {
        byte[] signed = signer.sign(SamplePdfs.plain(), DETAILS);

        SignerInformation signerInfo = signerInfo(signed);
        AttributeTable attributes = signerInfo.getSignedAttributes();
        assertThat(attributes.get(CMSAttributes.contentType)).isNotNull();
        assertThat(attributes.get(CMSAttributes.messageDigest)).isNotNull();
        assertThat(attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2))
                .isNotNull();
        assertThat(attributes.get(CMSAttributes.signingTime)).isNull();
        assertThat(signerInfo.getDigestAlgOID()).isEqualTo("2.16.840.1.101.3.4.2.1");
        assertThat(signerInfo.getUnsignedAttributes()).isNull();
    }

    @Test
    void aCertificateNotRegisteredHereIsSaidSoThoughTheSignatureIsIntact() {
        SigningKeys otherInstallation = new SigningKeys(
                SigningProperties.generated(keys.resolve("other")),
                new SigningCertificates(SigningDatabases.h2()),
                Clock.systemUTC());

        SignatureReport report = verifier.verify(
                new PadesSigner(otherInstallation, (TimeStampClient) null).sign(SamplePdfs.plain(), DETAILS));

        assertThat(report.valid()).isTrue();
        assertThat(report.registeredCertificate()).isFalse();
        assertThat(report.signerCertificateSha256()).isEqualTo(otherInstallation.certificateSha256());
        assertThat(report.problems()).containsExactly("The signature is not by a key registered here.");
    }

    @Test
    void withTheAuthorityTheSignatureCarriesAValidTimeStampTakenWhileSigning() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] signed = timeStampingSigner.sign(SamplePdfs.plain(), DETAILS);
        Instant after = Instant.now().plusSeconds(1);

        SignatureReport report = verifier.verify(signed);

        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.timeStampPresent()).isTrue();
        assertThat(report.timeStampValid()).isTrue();
        assertThat(report.timeStampTime()).isBetween(before, after);
        assertThat(signerInfo(signed).getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken))
                .isNotNull();
    }

    @Test
    void aTimeStampLargerThanTheRoomKeptForItStillFits() {
        tsa.extraCertificates(20);

        SignatureReport report = verifier.verify(timeStampingSigner.sign(SamplePdfs.plain(), DETAILS));

        assertThat(report.valid()).isTrue();
        assertThat(report.timeStampValid()).isTrue();
    }

    @Test
    void oneByteChangedInsideTheSignedRangeIsNotValid() {
        byte[] signed = signer.sign(SamplePdfs.plain(), DETAILS);
        int at = indexOf(signed, SamplePdfs.TEXT.getBytes(StandardCharsets.US_ASCII));
        signed[at] = 's';

        SignatureReport report = verifier.verify(signed);

        assertThat(report.valid()).isFalse();
        assertThat(report.signatureIntact()).isFalse();
        assertThat(report.coversWholeFile()).isTrue();
        assertThat(report.problems()).contains("The file was changed after it was signed.");
    }

    @Test
    void aPageAddedInAnIncrementalUpdateAfterSigningIsNotValid() throws IOException {
        byte[] signed = signer.sign(SamplePdfs.plain(), DETAILS);
        byte[] extended;
        try (PDDocument document = Loader.loadPDF(signed)) {
            document.addPage(new PDPage(PDRectangle.A4));
            document.getPages().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            extended = out.toByteArray();
        }
        assertThat(extended.length).isGreaterThan(signed.length);

        SignatureReport report = verifier.verify(extended);

        assertThat(report.valid()).isFalse();
        assertThat(report.signatureIntact()).isTrue();
        assertThat(report.coversWholeFile()).isFalse();
        assertThat(report.problems()).contains("Content was added after the signature.");
    }

    @Test
    void junkAppendedAfterSigningIsNotValid() {
        byte[] signed = signer.sign(SamplePdfs.plain(), DETAILS);
        byte[] junk = "\n% appended\n1 0 obj\n(forged) \nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] appended = Arrays.copyOf(signed, signed.length + junk.length);
        System.arraycopy(junk, 0, appended, signed.length, junk.length);

        SignatureReport report = verifier.verify(appended);

        assertThat(report.valid()).isFalse();
        assertThat(report.coversWholeFile()).isFalse();
        assertThat(report.problems()).contains("Content was added after the signature.");
    }

    @Test
    void aDamagedSignatureValueIsReportedNotThrown() {
        byte[] signed = signer.sign(SamplePdfs.plain(), DETAILS);
        int contents = indexOf(signed, "/Contents <".getBytes(StandardCharsets.US_ASCII)) + "/Contents <".length();
        // Inside the CMS, past its header: the certificate or the signature value.
        int at = contents + 2 * 1200;
        signed[at] = signed[at] == '0' ? (byte) '1' : (byte) '0';

        SignatureReport report = verifier.verify(signed);

        assertThat(report.signed()).isTrue();
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).isNotEmpty();
    }

    @Test
    void anUnsignedPdfIsNotSigned() {
        SignatureReport report = verifier.verify(SamplePdfs.plain());

        assertThat(report.pdf()).isTrue();
        assertThat(report.signed()).isFalse();
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).containsExactly("The file is not signed.");
    }

    @Test
    void garbageIsNotAPdfAndNothingIsThrown() {
        byte[] random = new byte[4096];
        new Random(8).nextBytes(random);

        assertThat(verifier.verify(random).pdf()).isFalse();
        assertThat(verifier.verify(random).problems()).containsExactly("The file is not a PDF.");
        assertThat(verifier.verify(new byte[0]).problems()).containsExactly("The file is not a PDF.");
        assertThat(verifier.verify(null).problems()).containsExactly("The file is not a PDF.");

        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] brokenPdf = Arrays.copyOf(header, header.length + random.length);
        System.arraycopy(random, 0, brokenPdf, header.length, random.length);
        SignatureReport broken = verifier.verify(brokenPdf);
        assertThat(broken.valid()).isFalse();
        assertThat(broken.signed()).isFalse();
        assertThat(broken.problems()).hasSize(1);
    }

    @Test
    void aTruncatedSignedPdfIsReportedNotThrown() {
        byte[] signed = signer.sign(SamplePdfs.plain(), DETAILS);

        for (int length : new int[] {signed.length - 10, signed.length / 2, 1200, 20}) {
            SignatureReport report = verifier.verify(Arrays.copyOf(signed, length));
            assertThat(report.valid()).as("cut at %d", length).isFalse();
            assertThat(report.problems()).as("cut at %d", length).isNotEmpty();
        }
    }

    @Test
    void whenTheAuthorityFailsSigningFailsClearly() {
        tsa.failing(true);

        assertThatThrownBy(() -> timeStampingSigner.sign(SamplePdfs.plain(), DETAILS))
                .isInstanceOf(TimeStampException.class)
                .hasMessageContaining(tsa.url().toString())
                .hasMessageContaining("HTTP 500");
    }

    @Test
    void whenTheAuthorityIsDownSigningFailsClearly() {
        TestTimeStampAuthority stopped = TestTimeStampAuthority.start();
        stopped.close();
        PadesSigner signerWithoutAuthority =
                new PadesSigner(signingKeys, new TimeStampClient(stopped.url(), Duration.ofSeconds(2)));

        assertThatThrownBy(() -> signerWithoutAuthority.sign(SamplePdfs.plain(), DETAILS))
                .isInstanceOf(TimeStampException.class)
                .hasMessageContaining("cannot be reached");
    }

    @Test
    void whenTheAuthorityIsTooSlowSigningFailsClearly() {
        tsa.delay(Duration.ofSeconds(2));
        PadesSigner impatient = new PadesSigner(signingKeys, new TimeStampClient(tsa.url(), Duration.ofMillis(300)));

        assertThatThrownBy(() -> impatient.sign(SamplePdfs.plain(), DETAILS))
                .isInstanceOf(TimeStampException.class)
                .hasMessageContaining("did not answer within");
    }

    @Test
    void aSigningTimeOutsideTheCertificateIsRefused() {
        SignatureDetails late = new SignatureDetails(
                "Jane Doe", "", "ACME Devices Ltd", "Cambridge", Instant.now().plus(Duration.ofDays(4000)));

        assertThatThrownBy(() -> signer.sign(SamplePdfs.plain(), late))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("not at");
    }

    @Test
    void inATaggedPdfTheSignatureWidgetIsTaggedAsAForm() throws IOException {
        byte[] signed = signer.sign(SamplePdfs.tagged(), DETAILS);

        assertThat(verifier.verify(signed).valid()).isTrue();
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignatureField field = document.getSignatureFields().get(0);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            int key = widget.getStructParent();
            assertThat(key).isEqualTo(1);
            assertThat(document.getDocumentCatalog().getStructureTreeRoot().getParentTreeNextKey())
                    .isEqualTo(2);
            COSArray nums = document.getDocumentCatalog()
                    .getStructureTreeRoot()
                    .getCOSObject()
                    .getCOSDictionary(COSName.PARENT_TREE)
                    .getCOSArray(COSName.NUMS);
            COSDictionary form = (COSDictionary) nums.getObject(3);
            assertThat(nums.getInt(2)).isEqualTo(1);
            assertThat(form.getNameAsString(COSName.S)).isEqualTo("Form");
            assertThat(form.getString(COSName.ALT)).startsWith("Digital signature: Signed for and on behalf of");
            COSDictionary reference = (COSDictionary) kids(form).get(0);
            assertThat(reference.getNameAsString(COSName.TYPE)).isEqualTo("OBJR");
            assertThat(reference.getDictionaryObject(COSName.OBJ)).isSameAs(widget.getCOSObject());
            // The element hangs under the Document element, and is the same object the parent tree names.
            COSDictionary documentElement = (COSDictionary) form.getDictionaryObject(COSName.P);
            assertThat(documentElement.getNameAsString(COSName.S)).isEqualTo("Document");
            assertThat(kids(documentElement)).anyMatch(kid -> kid == form);
            assertThat(field.getAlternateFieldName()).startsWith("Digital signature:");
        }
    }

    @Test
    void pdfsigReportsTheSignatureValid() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(PDFSIG),
                "\n\n*** pdfsig (poppler-utils) is not installed: the independent check of the signature is SKIPPED."
                        + " Install it with: apt-get install -y poppler-utils ***\n");
        Path directory = Files.createDirectories(Path.of("target", "signing"));
        Path signedFile = directory.resolve("signed.pdf");
        Files.write(signedFile, timeStampingSigner.sign(SamplePdfs.plain(), DETAILS));
        byte[] tampered = Files.readAllBytes(signedFile);
        tampered[indexOf(tampered, SamplePdfs.TEXT.getBytes(StandardCharsets.US_ASCII))] = 's';
        Path tamperedFile = directory.resolve("tampered.pdf");
        Files.write(tamperedFile, tampered);

        String valid = pdfsig(signedFile);
        String invalid = pdfsig(tamperedFile);

        assertThat(valid)
                .contains("Signature Validation: Signature is Valid.")
                .contains("Signer Certificate Common Name: Conformity installation ")
                .contains("Signature Type: ETSI.CAdES.detached")
                .contains("Signed Ranges:")
                .contains("Total document signed");
        assertThat(invalid).doesNotContain("Signature Validation: Signature is Valid.");
    }

    private static String pdfsig(Path file) throws Exception {
        Process process = new ProcessBuilder(
                        PDFSIG.toString(), file.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    /** An element's kids, indirect ones resolved. */
    private static List<COSBase> kids(COSDictionary element) {
        COSBase kids = element.getDictionaryObject(COSName.K);
        List<COSBase> resolved = new ArrayList<>();
        if (kids instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                resolved.add(array.getObject(i));
            }
        } else {
            resolved.add(kids instanceof COSObject object ? object.getObject() : kids);
        }
        return resolved;
    }

    private static SignerInformation signerInfo(byte[] signed) throws Exception {
        try (PDDocument document = Loader.loadPDF(signed)) {
            byte[] contents = document.getLastSignatureDictionary().getContents(signed);
            try (ASN1InputStream in = new ASN1InputStream(contents)) {
                CMSSignedData cms = new CMSSignedData(ContentInfo.getInstance(in.readObject()));
                assertThat(cms.getEncoded(ASN1Encoding.DER)).isNotEmpty();
                return cms.getSignerInfos().getSigners().iterator().next();
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("Not found: " + HexFormat.of().formatHex(needle));
    }
}
