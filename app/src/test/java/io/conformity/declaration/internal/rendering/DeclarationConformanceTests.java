package io.conformity.declaration.internal.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.verapdf.pdfa.flavours.PDFAFlavour;

import io.conformity.declaration.DeclarationContent;
import io.conformity.support.VeraPdf;

/** Each variant of the declaration, as rendered, checked by veraPDF for PDF/A-3b and PDF/UA-1. */
class DeclarationConformanceTests {

    private static final Map<String, Supplier<DeclarationContent>> VARIANTS = Map.of(
            "PSTI", () -> SampleDeclarations.psti(40, 30),
            "CRA", () -> SampleDeclarations.cra(22, 5),
            "EN303645", () -> SampleDeclarations.en303645(14, 6));

    private final DeclarationRenderer renderer = SampleDeclarations.renderer();

    @ParameterizedTest
    @ValueSource(strings = {"PSTI", "CRA", "EN303645"})
    void isPdfA3bAndPdfUa1(String regime) {
        byte[] pdf = renderer.render(VARIANTS.get(regime).get());

        assertThat(VeraPdf.failures(pdf, PDFAFlavour.PDFA_3_B)).as("PDF/A-3b").isEmpty();
        assertThat(VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1)).as("PDF/UA-1").isEmpty();
    }
}
