package io.conformity.evidence.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;
import io.conformity.evidence.internal.analysis.AnalysisContext.DeclaredInterface;

class NmapAnalyzerTests {

    private static final String SAMPLE = "/evidence/nmap-smartcam.xml";
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final List<Provision> DECLARED = List.of(Provision.en("5.6-1"));
    private static final List<Provision> UNDECLARED =
            List.of(Provision.en("5.6-1"), Provision.en("5.6-2"), Provision.cra("I.2j"));
    private static final List<Provision> CLEARTEXT =
            List.of(Provision.en("5.5-1"), Provision.en("5.6-1"), Provision.en("5.6-2"), Provision.cra("I.2e"));

    private final NmapAnalyzer analyzer = new NmapAnalyzer();

    /** Collects what the analyzer reports. */
    private static final class Recorder implements AnalysisSink {
        final List<Finding> findings = new ArrayList<>();
        final List<String> openPorts = new ArrayList<>();
        int count;

        @Override
        public void finding(Finding finding) {
            count++;
            if (findings.size() < 100) {
                findings.add(finding);
            }
        }

        @Override
        public void openPort(int port, String protocol, String service) {
            if (openPorts.size() < 100) {
                openPorts.add(port + "/" + protocol + " " + service);
            }
        }
    }

    private static AnalysisContext declaring(DeclaredInterface... interfaces) {
        Map<String, DeclaredInterface> declared = new HashMap<>();
        for (DeclaredInterface declaredInterface : interfaces) {
            declared.put(declaredInterface.port() + "/" + declaredInterface.protocol(), declaredInterface);
        }
        return new AnalysisContext(TODAY, declared, Optional.empty(), Set.of());
    }

    private static DeclaredInterface https() {
        return new DeclaredInterface(18443, "tcp", "local web API over TLS", "The app configures the camera with it.");
    }

    private static InputStream sample() {
        return NmapAnalyzerTests.class.getResourceAsStream(SAMPLE);
    }

    private static byte[] sampleBytes() throws IOException {
        try (InputStream in = sample()) {
            return in.readAllBytes();
        }
    }

    private static InputStream text(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static Head head(String text, String name) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new Head(Arrays.copyOf(bytes, Math.min(bytes.length, Head.SIZE)), name);
    }

    @Test
    void recognisesNmapAfterTheDeclarationDoctypeStylesheetAndComment() throws IOException {
        byte[] bytes = sampleBytes();
        assertThat(analyzer.recognises(new Head(bytes, "scan.xml"))).isTrue();
        assertThat(analyzer.recognises(head("<nmaprun scanner=\"nmap\"></nmaprun>", null)))
                .isTrue();
        assertThat(analyzer.recognises(
                        head("<?xml version=\"1.0\"?><document title=\"SSLScan Results\"></document>", "a.xml")))
                .isFalse();
        assertThat(analyzer.recognises(head("<!-- <nmaprun> in a comment --><report/>", "a.xml")))
                .isFalse();
        assertThat(analyzer.recognises(head("{\"nmaprun\": 1}", "a.json"))).isFalse();
    }

    @Test
    void cameraWithOnlyTheHttpsPortDeclaredHasTwoUndeclaredPortsAndACleartextLogin() throws IOException {
        Recorder sink = new Recorder();

        String summary = analyzer.analyse(sample(), declaring(https()), sink);

        assertThat(summary)
                .isEqualTo("3 open TCP ports on 127.0.0.1 (12323 telnet, 18080 http, 18443 https); 2 undeclared;"
                        + " 1 cleartext login service");
        assertThat(sink.openPorts).containsExactly("12323/tcp telnet", "18080/tcp http", "18443/tcp https");
        assertThat(sink.findings)
                .extracting(Finding::code, Finding::severity, Finding::provisions, Finding::location)
                .containsExactly(
                        tuple("nmap.port.undeclared", Severity.MEDIUM, UNDECLARED, "port 12323/tcp on 127.0.0.1"),
                        tuple("nmap.cleartext-login", Severity.HIGH, CLEARTEXT, "port 12323/tcp on 127.0.0.1"),
                        tuple("nmap.port.undeclared", Severity.MEDIUM, UNDECLARED, "port 18080/tcp on 127.0.0.1"),
                        tuple("nmap.port.declared", Severity.INFO, DECLARED, "port 18443/tcp on 127.0.0.1"));
        assertThat(sink.findings.get(0).message())
                .isEqualTo("Port 12323/tcp (telnet) on 127.0.0.1 is open but not declared among the product's network"
                        + " interfaces: disable it, or declare it and justify why it is needed.");
        assertThat(sink.findings.get(1).message())
                .isEqualTo("Port 12323/tcp on 127.0.0.1 offers telnet, a login service that sends passwords and"
                        + " sessions in cleartext, and it is not declared.");
        assertThat(sink.findings.get(2).message())
                .startsWith("Port 18080/tcp (http, SimpleHTTPServer 0.6 (Python 3.11.7)) on 127.0.0.1 is open but"
                        + " not declared");
        assertThat(sink.findings.get(3).message())
                .startsWith("Port 18443/tcp (https, OpenSSL s_server -www httpd (command line: s_server")
                .endsWith("is open and declared: local web API over TLS.");
    }

    @Test
    void withEveryPortDeclaredAndJustifiedOnlyTheCleartextLoginRemainsAsLow() throws IOException {
        Recorder sink = new Recorder();
        AnalysisContext context = declaring(
                new DeclaredInterface(12323, "tcp", "service console", "Field engineers need it; off by default."),
                new DeclaredInterface(18080, "tcp", "firmware download", "The hub fetches updates from it."),
                https());

        String summary = analyzer.analyse(sample(), context, sink);

        assertThat(summary).endsWith("; all declared; 1 cleartext login service");
        assertThat(sink.findings)
                .extracting(Finding::code, Finding::severity, Finding::location)
                .containsExactly(
                        tuple("nmap.port.declared", Severity.INFO, "port 12323/tcp on 127.0.0.1"),
                        tuple("nmap.cleartext-login", Severity.LOW, "port 12323/tcp on 127.0.0.1"),
                        tuple("nmap.port.declared", Severity.INFO, "port 18080/tcp on 127.0.0.1"),
                        tuple("nmap.port.declared", Severity.INFO, "port 18443/tcp on 127.0.0.1"));
        assertThat(sink.findings).noneMatch(f -> f.severity().atLeast(Severity.MEDIUM));
        assertThat(sink.findings.get(1).message())
                .contains("declared and justified (\"Field engineers need it; off by default.\")");
    }

    @Test
    void aCleartextLoginDeclaredWithoutJustificationStaysHigh() throws IOException {
        Recorder sink = new Recorder();
        AnalysisContext context = declaring(new DeclaredInterface(12323, "tcp", "service console", " "), https());

        analyzer.analyse(sample(), context, sink);

        assertThat(sink.findings)
                .filteredOn(f -> f.code().equals("nmap.cleartext-login"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.message()).endsWith("it is declared (service console) but not justified.");
                });
    }

    @Test
    void withoutADeclarationEveryOpenPortIsUndeclared() throws IOException {
        Recorder sink = new Recorder();

        String summary = analyzer.analyse(sample(), AnalysisContext.of(TODAY), sink);

        assertThat(summary).contains("; 3 undeclared;");
        assertThat(sink.findings)
                .extracting(Finding::code)
                .containsExactly(
                        "nmap.port.undeclared", "nmap.cleartext-login", "nmap.port.undeclared", "nmap.port.undeclared");
    }

    @Test
    void readsSeveralHostsAndJudgesLoginServicesByNameBannerAndTunnel() throws IOException {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE nmaprun>
                <nmaprun scanner="nmap">
                <host><address addr="AA:BB:CC:DD:EE:FF" addrtype="mac"/><address addr="10.0.0.5" addrtype="ipv4"/>
                <ports>
                <extraports state="closed" count="990"/>
                <port protocol="tcp" portid="21"><state state="open"/><service name="ftp" product="vsftpd"/></port>
                <port protocol="tcp" portid="2121"><state state="open"/><service name="ftp"/>
                  <script id="ftp-anon" output="Anonymous FTP login allowed; anonymous-only server"/></port>
                <port protocol="tcp" portid="992"><state state="open"/><service name="telnet" tunnel="ssl"/></port>
                <port protocol="tcp" portid="9999"><state state="open"/>
                  <service name="unknown" servicefp="SF-Port9999-TCP:r(NULL,9,&quot;cam\\x20login:&quot;);"/></port>
                <port protocol="tcp" portid="513"><state state="filtered"/><service name="login"/></port>
                </ports></host>
                <host><address addr="10.0.0.6" addrtype="ipv4"/>
                <ports>
                <port protocol="udp" portid="53"><state state="open"/><service name="domain"/></port>
                <port protocol="udp" portid="161"><state state="open|filtered"/><service name="snmp"/></port>
                <port protocol="tcp" portid="514"><state state="open"/><service name="shell"/></port>
                </ports></host>
                </nmaprun>
                """;
        Recorder sink = new Recorder();

        String summary = analyzer.analyse(text(xml), AnalysisContext.of(TODAY), sink);

        assertThat(sink.openPorts)
                .containsExactly(
                        "21/tcp ftp",
                        "2121/tcp ftp",
                        "992/tcp ssl/telnet",
                        "9999/tcp telnet",
                        "53/udp domain",
                        "514/tcp shell");
        assertThat(sink.findings)
                .filteredOn(f -> f.code().equals("nmap.cleartext-login"))
                .extracting(Finding::location)
                .containsExactly("port 21/tcp on 10.0.0.5", "port 9999/tcp on 10.0.0.5", "port 514/tcp on 10.0.0.6");
        assertThat(sink.findings)
                .filteredOn(f -> f.code().equals("nmap.port.undeclared"))
                .hasSize(6);
        assertThat(summary)
                .isEqualTo("6 open ports on 2 hosts (10.0.0.5: 21 ftp, 2121 ftp, 992 ssl/telnet, 9999 telnet;"
                        + " 10.0.0.6: 53/udp domain, 514 shell); 6 undeclared;"
                        + " 3 cleartext login services");
    }

    @Test
    void aScanWithNoOpenPortSaysSo() throws IOException {
        String xml = "<nmaprun><host><address addr=\"10.0.0.9\" addrtype=\"ipv4\"/><ports>"
                + "<port protocol=\"tcp\" portid=\"23\"><state state=\"closed\"/><service name=\"telnet\"/></port>"
                + "</ports></host></nmaprun>";
        Recorder sink = new Recorder();

        assertThat(analyzer.analyse(text(xml), AnalysisContext.of(TODAY), sink)).isEqualTo("No open ports on 10.0.0.9");
        assertThat(sink.findings).isEmpty();
        assertThat(sink.openPorts).isEmpty();
    }

    @Test
    void streamsAHugeScanInBoundedMemoryAndBoundsTheSummary() throws IOException {
        int ports = 60_000;
        Iterator<InputStream> parts = IntStream.rangeClosed(0, ports + 1)
                .mapToObj(i -> i == 0
                        ? "<nmaprun><host><address addr=\"10.1.1.1\" addrtype=\"ipv4\"/><ports>"
                        : i > ports
                                ? "</ports></host></nmaprun>"
                                : "<port protocol=\"tcp\" portid=\"" + i
                                        + "\"><state state=\"open\"/><service name=\"http\"/></port>\n")
                .map(NmapAnalyzerTests::text)
                .iterator();
        Recorder sink = new Recorder();

        Enumeration<InputStream> stream = new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return parts.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return parts.next();
            }
        };

        String summary = analyzer.analyse(new SequenceInputStream(stream), AnalysisContext.of(TODAY), sink);

        assertThat(sink.count).isEqualTo(ports);
        assertThat(summary)
                .startsWith("60000 open TCP ports on 10.1.1.1 (1 http, 2 http,")
                .contains("20 http, …); 60000 undeclared");
        assertThat(summary.length()).isLessThan(400);
    }

    @Test
    void rejectsAnExternalEntityWithItsLine() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<nmaprun><host><ports><port protocol=\"tcp\" portid=\"23\"><state state=\"open\"/>"
                + "<service name=\"telnet\" product=\"&xxe;\"/></port></ports></host></nmaprun>";

        assertThat(analyzer.recognises(head(xml, "scan.xml"))).isTrue();
        assertThatThrownBy(() -> analyzer.analyse(text(xml), AnalysisContext.of(TODAY), new Recorder()))
                .isInstanceOfSatisfying(
                        RejectedContentException.class,
                        e -> assertThat(e.location()).startsWith("line 2,"))
                .hasMessageContaining("internal subset");
    }

    @Test
    void rejectsAnEntityReferenceEvenWithoutADeclaration() {
        String xml = "<nmaprun><host><address addr=\"&xxe;\" addrtype=\"ipv4\"/></host></nmaprun>";

        assertThatThrownBy(() -> analyzer.analyse(text(xml), AnalysisContext.of(TODAY), new Recorder()))
                .isInstanceOfSatisfying(
                        RejectedContentException.class,
                        e -> assertThat(e.location()).startsWith("line 1,"));
    }

    @Test
    void rejectsBillionLaughsQuickly() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"");
            xml.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        xml.append("]>\n<nmaprun><verbose level=\"&lol9;\"/></nmaprun>");
        Recorder sink = new Recorder();

        assertTimeoutPreemptively(
                Duration.ofSeconds(2),
                () -> assertThatThrownBy(() -> analyzer.analyse(text(xml.toString()), AnalysisContext.of(TODAY), sink))
                        .isInstanceOf(RejectedContentException.class));
        assertThat(sink.findings).isEmpty();
    }

    @Test
    void anotherXmlDocumentIsNotRecognised() {
        String xml = "<?xml version=\"1.0\"?>\n<document title=\"SSLScan Results\"><ssltest/></document>";

        assertThat(analyzer.recognises(head(xml, "scan.xml"))).isFalse();
        assertThatThrownBy(() -> analyzer.analyse(text(xml), AnalysisContext.of(TODAY), new Recorder()))
                .isInstanceOf(NotRecognisedException.class);
    }

    @Test
    void rejectsATruncatedScan() throws IOException {
        byte[] bytes = sampleBytes();
        String whole = new String(bytes, StandardCharsets.UTF_8);
        // Cut inside the 18080 port's <service> element, as a scan killed mid-write leaves it.
        int cut = whole.indexOf("product=\"SimpleHTTPServer\"") + 10;
        Recorder sink = new Recorder();

        assertThatThrownBy(() -> analyzer.analyse(new ByteArrayInputStream(bytes, 0, cut), declaring(https()), sink))
                .isInstanceOfSatisfying(
                        RejectedContentException.class,
                        e -> assertThat(e.location()).startsWith("line 16,"));
    }
}
