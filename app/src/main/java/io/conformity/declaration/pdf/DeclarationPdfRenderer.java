package io.conformity.declaration.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.Resource;

import io.conformity.declaration.DeclarationContent;

/**
 * Renders a {@link DeclarationContent} as a PDF statement. The wording comes from the template
 * {@code <regime>-declaration.txt} in the templates folder (format: templates/README.md), so operators can
 * change it without a release; this class only lays it out.
 *
 * <p>The template and fonts are read on every call rather than cached: rendering is rare, and an operator who
 * edits a template in a {@code file:} folder sees the change on the next declaration without a restart. The
 * renderer keeps no state between calls, so one instance may serve concurrent requests.
 */
public class DeclarationPdfRenderer {

    private static final String TEMPLATE_SUFFIX = "-declaration.txt";
    private static final Pattern REGIME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final String PRODUCER = "Conformity";

    private final Resource templates;

    /**
     * @param templatesFolder the folder holding the templates and their fonts, e.g.
     *                        {@code classpath:conformity/templates/} or {@code file:/etc/conformity/templates/}
     */
    public DeclarationPdfRenderer(Resource templatesFolder) {
        this.templates = asFolder(Objects.requireNonNull(templatesFolder, "templatesFolder"));
    }

    /**
     * @return the PDF file
     * @throws DeclarationTemplateException if the regime has no template, the template is invalid, or the
     *                                      content lacks a value the template requires
     */
    public byte[] render(DeclarationContent content) {
        DeclarationTemplate template = template(content.regime());
        List<Block> blocks = template.resolve(content);
        try (TrueTypeFont regular = trueType(template, template.fontRegular());
                TrueTypeFont bold = trueType(template, template.fontBold());
                TrueTypeFont mono = trueType(template, template.fontMono());
                PDDocument document = new PDDocument()) {
            // Subset embedding keeps the file small and, unlike the standard 14 fonts, satisfies PDF/A.
            PdfLayout.Fonts fonts = new PdfLayout.Fonts(
                    new FontFace(PDType0Font.load(document, regular, true)),
                    new FontFace(PDType0Font.load(document, bold, true)),
                    new FontFace(PDType0Font.load(document, mono, true)));
            PdfLayout layout = new PdfLayout(document, fonts);
            layout.render(blocks);
            layout.footers((page, pages) -> template.footer(content, page, pages));

            PDDocumentInformation info = document.getDocumentInformation();
            blocks.stream()
                    .filter(Block.Title.class::isInstance)
                    .map(block -> ((Block.Title) block).text())
                    .findFirst()
                    .ifPresent(info::setTitle);
            info.setProducer(PRODUCER);
            info.setCreator(PRODUCER);
            info.setCreationDate(GregorianCalendar.from(ZonedDateTime.now(ZoneOffset.UTC)));
            document.getDocumentCatalog().setLanguage(template.language());

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render declaration " + content.declarationId(), e);
        }
    }

    private DeclarationTemplate template(String regime) {
        String key = regime == null ? "" : regime.toLowerCase(Locale.ROOT);
        if (!REGIME.matcher(key).matches()) {
            throw new DeclarationTemplateException("Regime '" + regime + "' cannot name a declaration template");
        }
        String name = key + TEMPLATE_SUFFIX;
        return DeclarationTemplate.parse(
                name,
                new String(read(name, "No declaration template for regime '" + regime + "'"), StandardCharsets.UTF_8));
    }

    /**
     * Parses the font with glyph substitution (GSUB) switched off. PDFBox would otherwise draw "fi" and "fl"
     * as ligature glyphs, which text extraction reports as U+FB01 and U+FB02, so a search for "defined" or a
     * signatory called "Whitfield" would miss, and the drawn width would differ from the measured one.
     */
    private TrueTypeFont trueType(DeclarationTemplate template, String path) {
        byte[] bytes = read(path, "Font named in template " + template.name());
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            font.setEnableGsub(false);
            return font;
        } catch (IOException e) {
            throw new DeclarationTemplateException(
                    "Font " + path + " named in template " + template.name() + " is not a usable TrueType font: "
                            + e.getMessage(),
                    e);
        }
    }

    private byte[] read(String relativePath, String what) {
        Resource resource;
        try {
            resource = templates.createRelative(relativePath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!resource.exists()) {
            throw new DeclarationTemplateException(
                    what + ": " + relativePath + " not found in " + templates.getDescription());
        }
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + relativePath + " from " + templates.getDescription(), e);
        }
    }

    /**
     * Spring resolves relative paths against the parent of a location without a trailing slash, so
     * {@code file:/etc/conformity/templates} would otherwise look for {@code /etc/conformity/x.txt}.
     */
    private static Resource asFolder(Resource folder) {
        String filename = folder.getFilename();
        if (filename == null || filename.isEmpty()) {
            return folder;
        }
        try {
            return folder.createRelative(filename + "/");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + folder.getDescription() + " as templates folder", e);
        }
    }
}
