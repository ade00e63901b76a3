package io.conformity.evidence.internal.analysis;

import java.io.IOException;
import java.io.InputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text of an uploaded PDF, for search: the first pages of documents small enough to read in memory. A PDF that
 * cannot be read (encrypted, damaged) is still kept as a document, without text.
 */
final class PdfText {

    static final long MAX_PDF_BYTES = 20L * 1024 * 1024;
    private static final int MAX_PAGES = 50;
    private static final Logger log = LoggerFactory.getLogger(PdfText.class);

    private PdfText() {}

    static String extract(EvidenceReader.Source source, long size, int maxChars) {
        if (size > MAX_PDF_BYTES) {
            return null;
        }
        try (InputStream in = source.open();
                PDDocument pdf = Loader.loadPDF(
                        new RandomAccessReadBuffer(in), "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(Math.min(MAX_PAGES, pdf.getNumberOfPages()));
            String text = stripper.getText(pdf);
            return text.length() > maxChars ? text.substring(0, maxChars) : text;
        } catch (IOException | RuntimeException e) {
            log.info("No text from an uploaded PDF: {}", e.toString());
            return null;
        }
    }
}
