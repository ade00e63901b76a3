package io.conformity.declaration.internal.rendering;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.templatemode.TemplateMode;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import io.conformity.declaration.DeclarationContent;
import io.conformity.declaration.DeclarationProperties;

/**
 * Renders a {@link DeclarationContent} as a PDF/A-3b file, tagged for PDF/UA-1, with its JSON twin attached. The
 * wording is the Thymeleaf template {@code <regime>-declaration.html} in the templates folder (README.md there),
 * laid out by openhtmltopdf; this class decides nothing the declaration states.
 *
 * <p>Templates are read on every call, not cached: rendering is rare, and an operator who edits a template in a
 * {@code file:} folder sees the change on the next declaration without a restart. Fonts are read once at start
 * ({@link DeclarationFonts}), because the fields people type are checked against them.
 */
@Component
public class DeclarationRenderer {

    private static final String SUFFIX = "-declaration";
    private static final Pattern REGIME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final String PRODUCER = "Conformity";
    private static final String TEMPLATE_SCHEME = "template";
    static final String TWIN_NAME = "declaration.json";

    /**
     * openhtmltopdf logs every font load and layout phase through java.util.logging at INFO; only its warnings
     * (a style sheet or image it could not load) say something. Held here so the level is not lost when the
     * logger would otherwise be collected.
     */
    private static final Logger LAYOUT_LOG = Logger.getLogger("com.openhtmltopdf");

    static {
        LAYOUT_LOG.setLevel(Level.WARNING);
    }

    private final TemplateFolder folder;
    private final DeclarationFonts fonts;
    private final DeclarationProperties properties;
    private final TemplateEngine engine;
    private final byte[] srgb;
    /** Font metrics outlive one rendering: parsing them again for every declaration cost more than laying it out. */
    private final FSDefaultCacheStore fontMetrics = new FSDefaultCacheStore();

    public DeclarationRenderer(DeclarationProperties properties, DeclarationFonts fonts) {
        this.folder = new TemplateFolder(properties.templates());
        this.fonts = fonts;
        this.properties = properties;
        FolderTemplateResolver resolver = new FolderTemplateResolver(folder);
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(false);
        this.engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        // The JDK's own sRGB profile: the output intent PDF/A asks for, without shipping an ICC file.
        this.srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    }

    /**
     * @return the PDF file
     * @throws DeclarationTemplateException if the regime has no template or the template is invalid
     */
    public byte[] render(DeclarationContent content) {
        String html = html(content);
        byte[] twin = DeclarationTwin.json(content, properties.verificationUrl(content.declarationId()));
        // Typed fields are checked when entered; this catches what was stored before a font was removed, and text
        // from the catalog: a declaration is refused rather than printed with blank boxes.
        String everything = new String(twin, StandardCharsets.UTF_8);
        fonts.firstUnprintable(everything).ifPresent(cp -> {
            int at = everything.indexOf(new String(Character.toChars(cp)));
            throw new DeclarationTemplateException("Declaration " + content.declarationId() + " cannot be printed: "
                    + String.format("U+%04X", cp) + " in \u2026"
                    + everything.substring(Math.max(0, at - 40), Math.min(everything.length(), at + 10))
                    + "\u2026 is in none of the configured fonts (conformity.declaration.fonts).");
        });
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .useFastMode()
                    .usePdfVersion(1.7f)
                    .usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B)
                    .usePdfUaAccessibility(true)
                    .useColorProfile(srgb)
                    .withProducer(PRODUCER)
                    .useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics)
                    .useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory())
                    .useUnicodeBidiReorderer(new ICUBidiReorderer())
                    .defaultTextDirection(BaseRendererBuilder.TextDirection.LTR)
                    // Style sheets come from the templates folder, images only as data: URIs (the QR code).
                    .useUriResolver(DeclarationRenderer::resolve)
                    .useProtocolsStreamImplementation(this::stream, TEMPLATE_SCHEME)
                    .useExternalResourceAccessControl(
                            (uri, type) -> uri.startsWith(TEMPLATE_SCHEME + ":") || uri.startsWith("data:"),
                            ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                    .withHtmlContent(html, TEMPLATE_SCHEME + ":/" + content.regime() + ".html");
            for (DeclarationFonts.Face face : fonts.faces()) {
                builder.useFont(
                        () -> new ByteArrayInputStream(face.bytes()),
                        face.family(),
                        face.weight(),
                        face.italic() ? BaseRendererBuilder.FontStyle.ITALIC : BaseRendererBuilder.FontStyle.NORMAL,
                        true);
            }
            builder.toStream(out);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
                PDDocument document = renderer.getPdfDocument();
                attachTwin(document, twin, content);
                document.save(out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render declaration " + content.declarationId(), e);
        }
    }

    /** The filled-in template, before layout (also what a preview shows). */
    public String html(DeclarationContent content) {
        String key = content.regime() == null ? "" : content.regime().toLowerCase(Locale.ROOT);
        if (!REGIME.matcher(key).matches()) {
            throw new DeclarationTemplateException(
                    "Regime '" + content.regime() + "' cannot name a declaration template");
        }
        Context context = new Context(Locale.UK);
        context.setVariable("d", content);
        context.setVariable("f", new Formats());
        context.setVariable("frameworks", frameworks(content));
        String url = properties.verificationUrl(content.declarationId());
        context.setVariable("verification", new Verification(url, VerificationCode.pngDataUri(url)));
        try {
            return engine.process(key + SUFFIX, context);
        } catch (TemplateEngineException e) {
            throw new DeclarationTemplateException(
                    "Declaration template " + key + SUFFIX + ".html in " + folder.description() + ": " + e.getMessage(),
                    e);
        }
    }

    /** Each framework of the annex once, in annex order. */
    private static List<String> frameworks(DeclarationContent content) {
        return new ArrayList<>(new LinkedHashSet<>(content.requirements().stream()
                .map(DeclarationContent.RequirementLine::framework)
                .toList()));
    }

    /**
     * PDF/A-3 lets a file carry others as associated files: the JSON twin, related to the whole document as its
     * data (ISO 19005-3 6.8, AFRelationship Data).
     */
    private static void attachTwin(PDDocument document, byte[] json, DeclarationContent content) throws IOException {
        GregorianCalendar now = GregorianCalendar.from(content.dateOfIssue().atStartOfDay(ZoneOffset.UTC));
        PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(json), COSName.FLATE_DECODE);
        file.setSubtype("application/json");
        file.setSize(json.length);
        file.setCreationDate(now);
        file.setModDate(now);
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(TWIN_NAME);
        spec.setFileUnicode(TWIN_NAME);
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        spec.setFileDescription(
                "Machine-readable declaration " + content.declarationId() + " (" + DeclarationTwin.SCHEMA + ")");
        spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Data");

        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(TWIN_NAME, spec));
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDDocumentNameDictionary names =
                catalog.getNames() == null ? new PDDocumentNameDictionary(catalog) : catalog.getNames();
        names.setEmbeddedFiles(tree);
        catalog.setNames(names);
        COSArray associated = new COSArray();
        associated.add(spec);
        catalog.getCOSObject().setItem(COSName.getPDFName("AF"), associated);
    }

    private static String resolve(String base, String uri) {
        if (uri.startsWith("data:")) {
            return uri;
        }
        if (uri.startsWith(TEMPLATE_SCHEME + ":/")) {
            // openhtmltopdf resolves a style sheet's URI twice: the second time it is already absolute.
            return TemplateFolder.isSafe(uri.substring(TEMPLATE_SCHEME.length() + 2)) ? uri : null;
        }
        if (base == null || uri.contains(":")) {
            return null;
        }
        String resolved = URI.create(base).resolve(uri).toString();
        return resolved.startsWith(TEMPLATE_SCHEME + ":/") ? resolved : null;
    }

    private FSStream stream(String uri) {
        String path = uri.substring((TEMPLATE_SCHEME + ":/").length());
        byte[] bytes = folder.read(path);
        return new FSStream() {
            @Override
            public InputStream getStream() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public Reader getReader() {
                return new InputStreamReader(getStream(), StandardCharsets.UTF_8);
            }
        };
    }

    /** Values as the templates print them. */
    public static final class Formats {

        private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

        public String date(LocalDate date) {
            return date == null ? "" : DATE.format(date);
        }

        /**
         * The base direction of a value, from its first strong character (the rule of HTML's {@code dir="auto"},
         * which openhtmltopdf does not implement): a Hebrew or Arabic address keeps its house number on the correct
         * side only when its own paragraph runs right to left.
         */
        public String dir(String text) {
            if (text != null) {
                for (int i = 0; i < text.length(); ) {
                    int cp = text.codePointAt(i);
                    byte direction = Character.getDirectionality(cp);
                    if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                            || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                        return "rtl";
                    }
                    if (direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                        return "ltr";
                    }
                    i += Character.charCount(cp);
                }
            }
            return "ltr";
        }

        public String size(long bytes) {
            return String.format(Locale.UK, "%,d", bytes);
        }
    }

    /** Where the declaration is checked, and the same as a QR code. */
    public record Verification(String url, String qrCode) {}
}
