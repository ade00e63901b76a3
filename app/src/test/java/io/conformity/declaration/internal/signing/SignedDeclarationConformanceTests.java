package io.conformity.declaration.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.verapdf.pdfa.flavours.PDFAFlavour;

import io.conformity.declaration.DeclarationContent;
import io.conformity.declaration.internal.rendering.DeclarationRenderer;
import io.conformity.declaration.internal.rendering.SampleDeclarations;
import io.conformity.support.TestTimeStampAuthority;
import io.conformity.support.VeraPdf;

/**
 * Each variant of the declaration as issued — rendered, then signed with a time stamp from a real RFC 3161 server —
 * checked by veraPDF for PDF/A-3b and PDF/UA-1, and by the verifier.
 */
class SignedDeclarationConformanceTests {

    private static final Map<String, Supplier<DeclarationContent>> VARIANTS = Map.of(
            "PSTI", () -> SampleDeclarations.psti(40, 30),
            "CRA", () -> SampleDeclarations.cra(22, 5),
            "EN303645", () -> SampleDeclarations.en303645(14, 6));

    @TempDir
    static Path keys;

    private static TestTimeStampAuthority tsa;
    private static PadesSigner signer;
    private static PdfSignatureVerifier verifier;
    private final DeclarationRenderer renderer = SampleDeclarations.renderer();

    @BeforeAll
    static void installation() {
        SigningCertificates register = new SigningCertificates(SigningDatabases.h2());
        SigningKeys signingKeys =
                new SigningKeys(SigningProperties.generated(keys.resolve("signing")), register, Clock.systemUTC());
        tsa = TestTimeStampAuthority.start();
        signer = new PadesSigner(signingKeys, new TimeStampClient(tsa.url(), Duration.ofSeconds(10)));
        verifier = new PdfSignatureVerifier(register);
    }

    @AfterAll
    static void stopAuthority() {
        tsa.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PSTI", "CRA", "EN303645"})
    void theSignedDeclarationIsPdfA3bAndPdfUa1(String regime) throws Exception {
        DeclarationContent content = VARIANTS.get(regime).get();

        byte[] signed = signer.sign(
                renderer.render(content),
                new SignatureDetails(
                        content.signatoryName(),
                        content.signatoryFunction(),
                        content.manufacturers().get(0).name(),
                        content.placeOfIssue(),
                        Instant.now()));
        Files.createDirectories(Path.of("target", "signing"));
        Files.write(Path.of("target", "signing", "declaration-" + regime.toLowerCase() + "-signed.pdf"), signed);

        assertThat(VeraPdf.failures(signed, PDFAFlavour.PDFA_3_B))
                .as("PDF/A-3b")
                .isEmpty();
        assertThat(VeraPdf.failures(signed, PDFAFlavour.PDFUA_1)).as("PDF/UA-1").isEmpty();
        SignatureReport report = verifier.verify(signed);
        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.timeStampValid()).isTrue();
        assertThat(report.signatoryName()).isEqualTo("Eleanor Whitfield");
    }

    @Test
    void veraPdfRejectsAnOrdinaryPdf() {
        // The check above could not pass by accident: a plain PDFBox document breaks both standards.
        byte[] plain = SamplePdfs.plain();

        assertThat(VeraPdf.failures(plain, PDFAFlavour.PDFA_3_B)).isNotEmpty();
        assertThat(VeraPdf.failures(plain, PDFAFlavour.PDFUA_1)).isNotEmpty();
    }
}
