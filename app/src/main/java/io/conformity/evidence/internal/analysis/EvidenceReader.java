package io.conformity.evidence.internal.analysis;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.tika.Tika;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.conformity.evidence.AnalysisStatus;

/**
 * Reads an upload: the first analyzer that recognises the head reads the whole file into findings; a file no
 * analyzer recognises is a document whose media type Tika detects from its bytes and whose text, if it has one, is
 * kept for search. The client's claimed media type is never used.
 */
public final class EvidenceReader {

    public static final String DOCUMENT = "document";
    static final int MAX_TEXT = 65_536;

    private static final Logger log = LoggerFactory.getLogger(EvidenceReader.class);

    private final List<Analyzer> analyzers;
    private final Tika tika = new Tika();

    public EvidenceReader(List<Analyzer> analyzers) {
        this.analyzers = List.copyOf(analyzers);
    }

    /** Every analyzer, in the order they are asked whether they recognise a file (the most specific first). */
    public static EvidenceReader withAllAnalyzers() {
        return new EvidenceReader(List.of(
                new NmapAnalyzer(),
                new TestsslAnalyzer(),
                new SslscanAnalyzer(),
                new SecurityTxtAnalyzer(),
                new CycloneDxAnalyzer(),
                new SpdxAnalyzer(),
                new TrivyAnalyzer(),
                new GrypeAnalyzer(),
                new OsvScannerAnalyzer(),
                new SarifAnalyzer()));
    }

    public List<Analyzer> analyzers() {
        return analyzers;
    }

    /** Opens the content again for each pass; the reader closes what it opens. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    public Reading read(Source source, String fileName, long size, AnalysisContext context) {
        try {
            Head head = head(source, fileName);
            for (Analyzer analyzer : analyzers) {
                if (!analyzer.recognises(head)) {
                    continue;
                }
                CollectingSink sink = new CollectingSink(
                        context.components().stream().map(CollectingSink::bare).collect(Collectors.toSet()));
                String summary;
                try (InputStream in = source.open()) {
                    summary = analyzer.analyse(in, context, sink);
                } catch (NotRecognisedException e) {
                    log.debug("{} declined {}: {}", analyzer.name(), fileName, e.getMessage());
                    continue;
                } catch (RejectedContentException e) {
                    return rejected(analyzer, e.location(), e.getMessage());
                } catch (JsonProcessingException e) {
                    RejectedContentException r = SafeParsers.rejected(e);
                    return rejected(analyzer, r.location(), r.getMessage());
                } catch (CharConversionException e) {
                    return rejected(analyzer, "unknown", "The text is not in a valid encoding: " + e.getMessage());
                } catch (UncheckedIOException e) {
                    throw e;
                } catch (RuntimeException | StackOverflowError e) {
                    // A defect of ours or a file built to break the parser: either way it is not stored as read.
                    log.error("{} failed on {}", analyzer.name(), fileName, e);
                    return rejected(
                            analyzer, "unknown", "The file could not be read as " + analyzer.name() + " output.");
                }
                if (sink.componentsTotal() > sink.components().size()) {
                    summary += " (the first " + sink.components().size() + " of " + sink.componentsTotal()
                            + " components are kept)";
                }
                if (sink.findingsTotal() > sink.findings().size()) {
                    summary += " (the " + sink.findings().size() + " most severe of " + sink.findingsTotal()
                            + " findings are kept)";
                }
                return new Reading(
                        AnalysisStatus.ANALYZED,
                        analyzer.name(),
                        analyzer.version(),
                        analyzer.mediaType(head),
                        summary,
                        sink.findings(),
                        sink.findingsTotal(),
                        sink.bySeverity(),
                        analyzer.evidences(),
                        sink.components(),
                        null,
                        null);
            }
            return document(source, head, size);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read staged evidence " + fileName, e);
        }
    }

    private static Reading rejected(Analyzer analyzer, String location, String reason) {
        return new Reading(
                AnalysisStatus.REJECTED,
                analyzer.name(),
                analyzer.version(),
                analyzer.mediaType(),
                reason,
                List.of(),
                0,
                Reading.counted(List.of()),
                List.of(),
                List.of(),
                null,
                location);
    }

    private Reading document(Source source, Head head, long size) throws IOException {
        String mediaType = tika.detect(head.bytes(), head.fileName());
        String text = null;
        if (mediaType.startsWith("text/")) {
            try (InputStream in = source.open()) {
                text = decoded(in.readNBytes(MAX_TEXT));
            }
        } else if (mediaType.equals("application/pdf")) {
            text = PdfText.extract(source, size, MAX_TEXT);
        }
        if (text != null) {
            text = Texts.printable(text);
            text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        }
        return new Reading(
                AnalysisStatus.NOT_RECOGNISED,
                DOCUMENT,
                "1",
                mediaType,
                "Kept as a document (" + mediaType + "); no analyzer recognised it.",
                List.of(),
                0,
                Reading.counted(List.of()),
                List.of(),
                List.of(),
                text,
                null);
    }

    /** Text as its byte-order mark says (UTF-16 policies exist), else UTF-8. */
    static String decoded(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Head head(Source source, String fileName) throws IOException {
        try (InputStream in = source.open()) {
            return new Head(in.readNBytes(Head.SIZE), fileName);
        }
    }
}
