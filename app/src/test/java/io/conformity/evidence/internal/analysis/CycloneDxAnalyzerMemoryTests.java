package io.conformity.evidence.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CycloneDX SBOM of half a million components (about 100 MB, generated into a temporary file, never committed) is
 * analysed in bounded memory: the heap that stays live while the analysis runs grows by far less than the file.
 * Writing, reading and the forced collections take up to about ten seconds on a shared machine, hence the tag.
 */
@Tag("slow")
class CycloneDxAnalyzerMemoryTests {

    private static final int COMPONENTS = 500_000;
    private static final long BOUND = 64L * 1024 * 1024;

    @TempDir
    Path directory;

    @Test
    void halfAMillionComponentsAreAnalysedInBoundedMemory() throws IOException {
        Path sbom = directory.resolve("large.cdx.json");
        write(sbom);
        assertThat(Files.size(sbom)).isGreaterThan(90L * 1024 * 1024);

        long before = usedAfterGc();
        Counting sink = new Counting();
        String summary;
        try (InputStream in = Files.newInputStream(sbom)) {
            summary = new CycloneDxAnalyzer().analyse(in, FindingsRecorder.CONTEXT, sink);
        }

        assertThat(summary).isEqualTo("CycloneDX 1.5 SBOM: 500000 components (500000 with purl)");
        assertThat(sink.components).isEqualTo(COMPONENTS + 1);
        assertThat(sink.findings).isEqualTo(1);
        // Measured in the middle and at the end of the stream, while the parser and the analyzer's state are live.
        assertThat(sink.peakLive - before).isLessThan(BOUND);
    }

    /** Counts, and twice during the stream measures the live heap; keeps nothing. */
    private static final class Counting implements AnalysisSink {
        long components;
        long findings;
        long peakLive;

        @Override
        public void finding(Finding finding) {
            findings++;
        }

        @Override
        public void component(Component component) {
            components++;
            if (components == COMPONENTS / 2 || components == COMPONENTS) {
                peakLive = Math.max(peakLive, usedAfterGc());
            }
        }
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, runtime.totalMemory() - runtime.freeMemory());
        }
        return least;
    }

    private static void write(Path sbom) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(sbom, StandardCharsets.UTF_8)) {
            out.write("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"version\": 1, \"metadata\":"
                    + " {\"component\": {\"bom-ref\": \"firmware\", \"type\": \"firmware\", \"name\":"
                    + " \"smartcam-firmware\", \"version\": \"4.2.0\"}}, \"components\": [\n");
            for (int i = 0; i < COMPONENTS; i++) {
                if (i > 0) {
                    out.write(",\n");
                }
                String purl = "pkg:generic/smartcam/component-" + i + "@1." + (i % 97) + ".0";
                out.write("{\"bom-ref\": \"" + purl + "\", \"type\": \"library\", \"name\": \"component-" + i
                        + "\", \"version\": \"1." + (i % 97) + ".0\", \"purl\": \"" + purl
                        + "\", \"description\": \"A library of the camera firmware.\","
                        + " \"properties\": [{\"name\": \"build\", \"value\": \"release\"}]}");
            }
            out.write("\n]}\n");
        }
    }
}
