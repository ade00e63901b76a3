package io.conformity.evidence.internal.analysis;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;

/**
 * Analyzers against a bare streaming parse (StAX / Jackson, through the same hardened factories) of the same
 * generated file in the same JVM: a 100 MB nmap XML and a 50 MB CycloneDX SBOM. Not part of {@code verify}: run with
 * {@code ./mvnw -pl app test -Dtest=AnalyzerBenchmark -Dgroups=benchmark -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class AnalyzerBenchmark {

    private static final int ROUNDS = 3;

    @Test
    void analyzersAgainstABareStreamingParse() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "benchmark").toAbsolutePath());
        Path nmap = dir.resolve("nmap-100mb.xml");
        Path sbom = dir.resolve("cyclonedx-50mb.json");
        writeNmap(nmap, 100_000_000L);
        writeCycloneDx(sbom, 50_000_000L);
        AnalysisContext context = AnalysisContext.of(LocalDate.of(2026, 12, 2));

        System.out.println();
        System.out.println("| file | bare parse | analyzer | ratio (bare / analyzer) | heap held by the analysis |");
        System.out.println("|---|---|---|---|---|");
        report(
                "nmap XML, " + Files.size(nmap) / 1_000_000 + " MB",
                nmap,
                AnalyzerBenchmark::stax,
                new NmapAnalyzer(),
                context);
        report(
                "CycloneDX JSON, " + Files.size(sbom) / 1_000_000 + " MB",
                sbom,
                AnalyzerBenchmark::jackson,
                new CycloneDxAnalyzer(),
                context);
    }

    interface Parse {
        long parse(Path file) throws Exception;
    }

    private static void report(String name, Path file, Parse bare, Analyzer analyzer, AnalysisContext context)
            throws Exception {
        double bareSeconds = Double.MAX_VALUE;
        double analyzerSeconds = Double.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            bare.parse(file);
            bareSeconds = Math.min(bareSeconds, (System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                analyzer.analyse(in, context, new CollectingSink());
            }
            analyzerSeconds = Math.min(analyzerSeconds, (System.nanoTime() - start) / 1e9);
        }
        // Memory in a separate, untimed pass: what the analysis holds (after a collection) at intervals through
        // the file, above what was held before it started.
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        MeasuringSink sink = new MeasuringSink(memory, before);
        try (InputStream in = Files.newInputStream(file)) {
            analyzer.analyse(in, context, sink);
        }
        sink.measure();
        System.out.printf(
                "| %s | %.2f s | %.2f s | %.2f× | %.1f MiB |%n",
                name, bareSeconds, analyzerSeconds, bareSeconds / analyzerSeconds, sink.peak / (1024.0 * 1024));
    }

    /** Keeps what the production sink keeps, and every 20,000 reports measures the heap still in use. */
    private static final class MeasuringSink implements AnalysisSink {

        private final CollectingSink kept = new CollectingSink();
        private final MemoryMXBean memory;
        private final long before;
        private long events;
        long peak;

        MeasuringSink(MemoryMXBean memory, long before) {
            this.memory = memory;
            this.before = before;
        }

        @Override
        public void finding(Finding finding) {
            kept.finding(finding);
            tick();
        }

        @Override
        public void component(Component component) {
            kept.component(component);
            tick();
        }

        @Override
        public void openPort(int port, String protocol, String service) {
            tick();
        }

        private void tick() {
            if (++events % 20_000 == 0) {
                measure();
            }
        }

        void measure() {
            System.gc();
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed() - before);
        }
    }

    private static long stax(Path file) throws Exception {
        long events = 0;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = SafeParsers.xml(in);
            while (xml.hasNext()) {
                xml.next();
                events++;
            }
            xml.close();
        }
        return events;
    }

    private static long jackson(Path file) throws Exception {
        long tokens = 0;
        try (InputStream in = Files.newInputStream(file);
                JsonParser json = SafeParsers.json(in)) {
            while (json.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    /** Many hosts with a few ports each, one of them an undeclared telnet, as a large network scan looks. */
    private static void writeNmap(Path file, long target) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nmaprun>\n"
                    + "<nmaprun scanner=\"nmap\" args=\"nmap -sV -oX\" start=\"1764633600\" version=\"7.93\""
                    + " xmloutputversion=\"1.05\">\n");
            long written = 0;
            for (int host = 0; written < target; host++) {
                String address = "10." + (host >> 16 & 255) + "." + (host >> 8 & 255) + "." + (host & 255);
                StringBuilder h = new StringBuilder();
                h.append(
                                "<host starttime=\"1764633600\" endtime=\"1764633610\"><status state=\"up\" reason=\"syn-ack\"/>")
                        .append("<address addr=\"")
                        .append(address)
                        .append("\" addrtype=\"ipv4\"/><ports>");
                int[] ports = {22, 23, 80, 443, 1883, 8080};
                String[] services = {"ssh", "telnet", "http", "https", "mqtt", "http-proxy"};
                for (int p = 0; p < ports.length; p++) {
                    h.append("<port protocol=\"tcp\" portid=\"")
                            .append(ports[p])
                            .append("\">")
                            .append("<state state=\"")
                            .append(p == 4 ? "closed" : "open")
                            .append("\" reason=\"syn-ack\" reason_ttl=\"64\"/>")
                            .append("<service name=\"")
                            .append(services[p])
                            .append("\" product=\"Example\" version=\"1.0\" method=\"probed\" conf=\"10\"/></port>\n");
                }
                h.append("</ports></host>\n");
                out.write(h.toString());
                written += h.length();
            }
            out.write("<runstats><finished time=\"1764633700\" exit=\"success\"/></runstats></nmaprun>\n");
        }
    }

    private static void writeCycloneDx(Path file, long target) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,"
                    + "\"metadata\":{\"component\":{\"type\":\"firmware\",\"name\":\"bench\",\"version\":\"1\"}},"
                    + "\"components\":[\n");
            long written = 0;
            for (int i = 0; written < target; i++) {
                String c = (i == 0 ? "" : ",\n") + "{\"type\":\"library\",\"bom-ref\":\"pkg:deb/debian/lib" + i
                        + "@1.0." + i + "\",\"name\":\"lib" + i + "\",\"version\":\"1.0." + i
                        + "\",\"purl\":\"pkg:deb/debian/lib" + i + "@1.0." + i + "?arch=amd64\","
                        + "\"licenses\":[{\"license\":{\"id\":\"MIT\"}}],"
                        + "\"properties\":[{\"name\":\"aquasecurity:trivy:PkgType\",\"value\":\"debian\"}]}";
                out.write(c);
                written += c.length();
            }
            out.write("\n]}\n");
        }
    }
}
