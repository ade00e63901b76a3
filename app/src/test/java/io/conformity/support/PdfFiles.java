package io.conformity.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** What tests read from, and do to, PDF files. */
public final class PdfFiles {

    private PdfFiles() {}

    /** The text of every page. */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy with one byte of the signed content changed (in the statement's own words where they are stored
     * uncompressed, else at a fixed offset inside the first signed range): a forgery that still opens as a PDF.
     */
    public static byte[] tampered(byte[] pdf) {
        byte[] changed = pdf.clone();
        int at = indexOf(changed, "Statement of".getBytes(StandardCharsets.US_ASCII));
        changed[at > 0 ? at : 2000] ^= 0x01;
        return changed;
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
        return -1;
    }
}
