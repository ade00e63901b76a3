package io.conformity.evidence.internal.analysis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A sink that keeps everything an analyzer reports, and the fixtures of the SBOM and vulnerability tests. */
final class FindingsRecorder implements AnalysisSink {

    static final AnalysisContext CONTEXT = AnalysisContext.of(LocalDate.of(2026, 12, 2));

    final List<Finding> findings = new ArrayList<>();
    final List<Component> components = new ArrayList<>();

    @Override
    public void finding(Finding finding) {
        findings.add(finding);
    }

    @Override
    public void component(Component component) {
        components.add(component);
    }

    /** What one analysis of a fixture reported. */
    record Analysis(String summary, List<Finding> findings, List<Component> components) {}

    static Analysis analyse(Analyzer analyzer, String fixture) throws IOException {
        FindingsRecorder recorder = new FindingsRecorder();
        try (InputStream in = open(fixture)) {
            String summary = analyzer.analyse(in, CONTEXT, recorder);
            return new Analysis(summary, recorder.findings, recorder.components);
        }
    }

    static Analysis analyse(Analyzer analyzer, byte[] content) throws IOException {
        FindingsRecorder recorder = new FindingsRecorder();
        String summary = analyzer.analyse(new ByteArrayInputStream(content), CONTEXT, recorder);
        return new Analysis(summary, recorder.findings, recorder.components);
    }

    static Head head(String fixture) {
        try (InputStream in = open(fixture)) {
            byte[] bytes = in.readNBytes(Head.SIZE);
            return new Head(bytes, fixture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Head head(byte[] content, String fileName) {
        return new Head(Arrays.copyOf(content, Math.min(content.length, Head.SIZE)), fileName);
    }

    static InputStream open(String fixture) {
        InputStream in = FindingsRecorder.class.getResourceAsStream("/evidence/" + fixture);
        if (in == null) {
            throw new IllegalArgumentException("No fixture " + fixture);
        }
        return in;
    }
}
