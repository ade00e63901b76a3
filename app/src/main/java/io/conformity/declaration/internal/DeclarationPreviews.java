package io.conformity.declaration.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

import io.conformity.declaration.DeclarationContent;
import io.conformity.declaration.internal.rendering.DeclarationRenderer;
import io.conformity.declaration.internal.rendering.DeclarationTemplateException;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;

/**
 * Previews of declarations before approval: the renderer's PDF without the signature, and its pages as images. A
 * page with a preview asks for the file and for each page image separately, so the last few renderings are kept,
 * keyed by the content itself: a change to anything the declaration states renders anew.
 */
@Component
class DeclarationPreviews {

    /** Sharp enough to read the annex's small print on a tablet, small enough to load quickly. */
    private static final float DPI = 110;

    private static final int KEPT = 8;

    private final DeclarationRenderer renderer;
    private final Map<DeclarationContent, Rendering> recent = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DeclarationContent, Rendering> eldest) {
            return size() > KEPT;
        }
    };

    DeclarationPreviews(DeclarationRenderer renderer) {
        this.renderer = renderer;
    }

    byte[] pdf(DeclarationContent content) {
        return rendering(content).pdf();
    }

    List<byte[]> pages(DeclarationContent content) {
        Rendering rendering = rendering(content);
        synchronized (rendering) {
            if (rendering.pages.isEmpty()) {
                rendering.pages.addAll(rasterise(rendering.pdf()));
            }
            return List.copyOf(rendering.pages);
        }
    }

    private Rendering rendering(DeclarationContent content) {
        synchronized (recent) {
            Rendering kept = recent.get(content);
            if (kept != null) {
                return kept;
            }
        }
        byte[] pdf;
        try {
            pdf = renderer.render(content);
        } catch (DeclarationTemplateException e) {
            // Approving would succeed but issuing would fail: the signatory should learn it before approving.
            throw new ProblemException(
                    ProblemType.ASSESSMENT_STATE,
                    "The declaration cannot be rendered as things stand: " + e.getMessage());
        }
        Rendering rendering = new Rendering(pdf, new ArrayList<>());
        synchronized (recent) {
            recent.put(content, rendering);
        }
        return rendering;
    }

    private static List<byte[]> rasterise(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer pages = new PDFRenderer(document);
            List<byte[]> images = new ArrayList<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                BufferedImage image = pages.renderImageWithDPI(i, DPI, ImageType.RGB);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                images.add(png.toByteArray());
            }
            return images;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw the pages of a declaration preview", e);
        }
    }

    private record Rendering(byte[] pdf, List<byte[]> pages) {}
}
