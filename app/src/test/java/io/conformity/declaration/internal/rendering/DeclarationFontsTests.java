package io.conformity.declaration.internal.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class DeclarationFontsTests {

    private final DeclarationFonts fonts = SampleDeclarations.FONTS;

    @Test
    void theShippedFontsCoverLatinGreekCyrillicHebrewArabicAndCjk() {
        assertThat(fonts.firstUnprintable("Müller & Søn, Ελληνικά, Русский, עברית, العربية, 中文, 日本語, 한국어\n\t"))
                .isEmpty();
    }

    @Test
    void namesTheFirstCharacterNoFontCovers() {
        // Thai and Ethiopic are in none of the shipped faces; an operator who needs them configures a font.
        assertThat(fonts.firstUnprintable("Acme ภาษาไทย")).hasValue("ภ".codePointAt(0));
        assertThat(fonts.firstUnprintable("ሰላም")).hasValue("ሰ".codePointAt(0));
        assertThat(fonts.firstUnprintable("Cuneiform \uD808\uDC00")).hasValue(0x12000);
    }

    @Test
    void readsFamilyWeightAndStyleFromTheFontFiles() {
        assertThat(fonts.faces())
                .extracting(DeclarationFonts.Face::family, DeclarationFonts.Face::weight)
                .contains(
                        Tuple.tuple("DejaVu Sans", 400),
                        Tuple.tuple("DejaVu Sans", 700),
                        Tuple.tuple("DejaVu Sans Mono", 400),
                        Tuple.tuple("Droid Sans Fallback", 400));
    }
}
