package io.conformity.declaration.internal.rendering;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.springframework.stereotype.Component;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;

import io.conformity.declaration.DeclarationProperties;
import io.conformity.validation.PrintableCharacters;

/**
 * The fonts a declaration prints with, read once at start from the templates folder: their family, weight and style
 * come from the fonts' own tables, so a template names them as any font is named in CSS. What they cover together is
 * what a person may type into a printed field.
 */
@Component
public class DeclarationFonts implements PrintableCharacters {

    /** One TrueType face, with the code points it maps. */
    record Face(String path, String family, int weight, boolean italic, byte[] bytes, CmapLookup cmap) {

        boolean covers(int codePoint) {
            return cmap.getGlyphId(codePoint) != 0;
        }
    }

    private final List<Face> faces;

    public DeclarationFonts(DeclarationProperties properties) {
        TemplateFolder folder = new TemplateFolder(properties.templates());
        List<Face> loaded = new ArrayList<>();
        for (String path : properties.fonts()) {
            loaded.add(load(folder, path));
        }
        this.faces = List.copyOf(loaded);
    }

    List<Face> faces() {
        return faces;
    }

    @Override
    public OptionalInt firstUnprintable(String text) {
        OptionalInt typed = text.codePoints().filter(cp -> !printable(cp)).findFirst();
        if (typed.isPresent()) {
            return typed;
        }
        // Arabic letters are printed in their joined forms (ICU shaping, as the renderer does): a font that has
        // the letter but not the form it takes in the word would still print a box.
        return shaped(text).codePoints().filter(cp -> !printable(cp)).findFirst();
    }

    private static String shaped(String text) {
        if (text.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC)) {
            return text;
        }
        try {
            return new ArabicShaping(ArabicShaping.LETTERS_SHAPE).shape(text);
        } catch (ArabicShapingException e) {
            return text;
        }
    }

    /** Line breaks and tabs are layout, not glyphs; everything else needs a face that draws it. */
    boolean printable(int codePoint) {
        if (codePoint == '\n' || codePoint == '\r' || codePoint == '\t') {
            return true;
        }
        // Joiners and variation selectors shape the characters around them and have no glyph of their own.
        if (codePoint == 0x200C || codePoint == 0x200D || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)) {
            return true;
        }
        for (Face face : faces) {
            if (face.covers(codePoint)) {
                return true;
            }
        }
        return false;
    }

    private static Face load(TemplateFolder folder, String path) {
        byte[] bytes = folder.read(path);
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
            CmapLookup cmap = font.getUnicodeCmapLookup(false);
            if (cmap == null) {
                throw new DeclarationTemplateException("Font " + path + " has no Unicode character map");
            }
            OS2WindowsMetricsTable os2 = font.getOS2Windows();
            int weight = os2 == null ? 400 : os2.getWeightClass();
            // fsSelection bit 0: italic (OpenType OS/2 table).
            boolean italic = os2 != null && (os2.getFsSelection() & 1) != 0;
            String family = font.getNaming() == null ? null : font.getNaming().getFontFamily();
            if (family == null || family.isBlank()) {
                throw new DeclarationTemplateException("Font " + path + " names no family");
            }
            return new Face(path, family, weight, italic, bytes, cmap);
        } catch (IOException e) {
            throw new DeclarationTemplateException(
                    "Font " + path + " in the templates folder is not a usable TrueType font: " + e.getMessage(), e);
        }
    }
}
