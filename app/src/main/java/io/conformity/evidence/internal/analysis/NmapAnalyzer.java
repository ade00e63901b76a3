package io.conformity.evidence.internal.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;
import io.conformity.evidence.internal.analysis.AnalysisContext.DeclaredInterface;

/**
 * Reads an nmap XML report ({@code nmap -oX}) and checks every open port against the declared network interfaces
 * (EN 303 645 5.6-1: every enabled interface is needed and justified; CRA Annex I I.2j: limited attack surfaces).
 *
 * <p>Each open port is reported to the sink and yields {@code nmap.port.declared} (INFO) or
 * {@code nmap.port.undeclared} (MEDIUM). A cleartext login service — telnet, rlogin, rsh, rexec, or FTP unless nmap
 * says it is anonymous-only, or an unidentified service whose banner asks for a login or negotiates telnet options —
 * also yields {@code nmap.cleartext-login}: HIGH when the port is undeclared or declared without a justification,
 * LOW when declared with one. The manufacturer has then argued for the service; whether the argument holds for a
 * login that sends passwords in the clear is the officer's judgement, so the finding stays visible without failing
 * 5.5-1 on its own. Closed, filtered and {@code open|filtered} ports produce nothing.
 *
 * <p>Memory stays flat whatever the file size: one port is held at a time, and the summary lists at most
 * {@value #LISTED_PORTS} ports.
 */
public final class NmapAnalyzer implements Analyzer {

    static final int LISTED_PORTS = 20;

    private static final List<Provision> DECLARED = List.of(Provision.en("5.6-1"));
    private static final List<Provision> UNDECLARED =
            List.of(Provision.en("5.6-1"), Provision.en("5.6-2"), Provision.cra("I.2j"));
    private static final List<Provision> CLEARTEXT =
            List.of(Provision.en("5.5-1"), Provision.en("5.6-1"), Provision.en("5.6-2"), Provision.cra("I.2e"));

    // nmap's names (nmap-services) for the r-commands are exec, login and shell.
    private static final Set<String> LOGIN_SERVICES =
            Set.of("telnet", "login", "rlogin", "shell", "rsh", "exec", "rexec");
    // In a service fingerprint nmap escapes bytes as \xNN: IAC DO / IAC WILL open a telnet negotiation.
    private static final Pattern TELNET_BANNER = Pattern.compile("(?i)login:|\\\\xff\\\\xf[bd]");
    private static final Pattern ANONYMOUS_ONLY = Pattern.compile("(?i)anonymous[ -]only");
    private static final int BANNER_LENGTH = 120;

    @Override
    public String name() {
        return "nmap";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<Provision> evidences() {
        return List.of(Provision.en("5.6-1"), Provision.en("5.6-2"), Provision.cra("I.2j"));
    }

    @Override
    public boolean readsContext() {
        return true;
    }

    @Override
    public String mediaType() {
        return "application/xml";
    }

    @Override
    public boolean recognises(Head head) {
        String text = head.text().stripLeading();
        // Skip what may precede the root: the XML declaration, processing instructions, comments and the DOCTYPE.
        while (true) {
            if (text.startsWith("<?")) {
                text = after(text, "?>");
            } else if (text.startsWith("<!--")) {
                text = after(text, "-->");
            } else if (text.startsWith("<!DOCTYPE")) {
                int subset = text.indexOf('[');
                int end = text.indexOf('>');
                text = subset >= 0 && subset < end ? after(text, "]>") : after(text, ">");
            } else {
                return text.startsWith("<nmaprun") && text.length() > "<nmaprun".length();
            }
        }
    }

    private static String after(String text, String end) {
        int at = text.indexOf(end);
        return at < 0 ? "" : text.substring(at + end.length()).stripLeading();
    }

    @Override
    public String analyse(InputStream content, AnalysisContext context, AnalysisSink sink) throws IOException {
        XMLStreamReader xml = SafeParsers.xml(content);
        try {
            return read(xml, new Scan(context, sink));
        } catch (XMLStreamException e) {
            throw SafeParsers.rejected(e);
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // Closing the reader frees its buffers only; the stream is the caller's.
            }
        }
    }

    private static String read(XMLStreamReader xml, Scan scan) throws XMLStreamException {
        boolean root = false;
        Port port = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD && xml.getText().contains("[")) {
                // nmap writes a bare <!DOCTYPE nmaprun>; an internal subset only serves entity tricks.
                throw new RejectedContentException(
                        where(xml),
                        "The nmap file declares a DTD internal subset (entities), which nmap never writes.");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String element = xml.getLocalName();
                if (!root) {
                    if (!element.equals("nmaprun")) {
                        throw new NotRecognisedException("The XML root is <" + element + ">, not nmap's <nmaprun>.");
                    }
                    root = true;
                    continue;
                }
                switch (element) {
                    case "host" -> scan.startHost();
                    case "address" -> scan.address(attribute(xml, "addr"), attribute(xml, "addrtype"));
                    case "port" -> port = new Port(attribute(xml, "portid"), attribute(xml, "protocol"));
                    case "state" -> {
                        if (port != null) {
                            port.state = attribute(xml, "state");
                        }
                    }
                    case "service" -> {
                        if (port != null) {
                            port.service(xml);
                        }
                    }
                    case "script" -> {
                        if (port != null) {
                            port.script(attribute(xml, "id"), attribute(xml, "output"));
                        }
                    }
                    default -> {}
                }
            } else if (event == XMLStreamConstants.END_ELEMENT
                    && port != null
                    && xml.getLocalName().equals("port")) {
                scan.port(port, where(xml));
                port = null;
            }
        }
        if (!root) {
            throw new NotRecognisedException("The XML has no <nmaprun> element.");
        }
        return scan.summary();
    }

    private static String attribute(XMLStreamReader xml, String name) {
        return xml.getAttributeValue(null, name);
    }

    private static String where(XMLStreamReader xml) {
        return "line " + xml.getLocation().getLineNumber() + ", column "
                + xml.getLocation().getColumnNumber();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** One port as nmap describes it, filled in as its child elements stream past. */
    private static final class Port {

        final String id;
        final String protocol;
        String state;
        String service;
        String product;
        String version;
        String extraInfo;
        String tunnel;
        String fingerprint;
        String bannerScript;
        boolean anonymousOnly;

        Port(String id, String protocol) {
            this.id = id;
            this.protocol = protocol == null ? "tcp" : protocol.toLowerCase(Locale.ROOT);
        }

        void service(XMLStreamReader xml) {
            service = attribute(xml, "name");
            product = attribute(xml, "product");
            version = attribute(xml, "version");
            extraInfo = attribute(xml, "extrainfo");
            tunnel = attribute(xml, "tunnel");
            fingerprint = attribute(xml, "servicefp");
            anonymousOnly |=
                    extraInfo != null && ANONYMOUS_ONLY.matcher(extraInfo).find();
        }

        void script(String id, String output) {
            if (output == null) {
                return;
            }
            if ("ftp-anon".equals(id)) {
                anonymousOnly |= ANONYMOUS_ONLY.matcher(output).find();
            } else if ("banner".equals(id)) {
                bannerScript = output;
            }
        }

        boolean unidentified() {
            return blank(service) || service.equalsIgnoreCase("unknown");
        }

        boolean telnetBanner() {
            return (fingerprint != null && TELNET_BANNER.matcher(fingerprint).find())
                    || (bannerScript != null
                            && TELNET_BANNER.matcher(bannerScript).find());
        }

        /** The service as people say it: nmap's name, {@code https} or {@code ssl/…} over TLS. */
        String serviceName() {
            if (unidentified()) {
                return telnetBanner() ? "telnet" : "unknown";
            }
            String name = service.toLowerCase(Locale.ROOT);
            if ("ssl".equalsIgnoreCase(tunnel)) {
                return name.equals("http") ? "https" : "ssl/" + name;
            }
            return name;
        }

        boolean cleartextLogin() {
            if ("ssl".equalsIgnoreCase(tunnel)) {
                return false;
            }
            String name = serviceName();
            return LOGIN_SERVICES.contains(name) || (name.equals("ftp") && !anonymousOnly);
        }

        String banner() {
            StringBuilder banner = new StringBuilder();
            if (!blank(product)) {
                banner.append(product.strip());
            }
            if (!blank(version)) {
                banner.append(banner.isEmpty() ? "" : " ").append(version.strip());
            }
            if (!blank(extraInfo)) {
                banner.append(banner.isEmpty() ? "" : " ")
                        .append('(')
                        .append(extraInfo.strip())
                        .append(')');
            }
            return banner.length() > BANNER_LENGTH ? banner.substring(0, BANNER_LENGTH) + "…" : banner.toString();
        }
    }

    /** A port as the summary lists it ({@code 18443 https}), with its host for scans of several. */
    private record Listed(String host, String entry) {}

    /** What the scan has shown so far: counters and a bounded list of ports for the summary. */
    private static final class Scan {

        final AnalysisContext context;
        final AnalysisSink sink;
        String host;
        String hostType;
        String firstHost;
        int hosts;
        int open;
        int undeclared;
        int cleartext;
        final Set<String> protocols = new TreeSet<>();
        final List<Listed> listed = new ArrayList<>();

        Scan(AnalysisContext context, AnalysisSink sink) {
            this.context = context;
            this.sink = sink;
        }

        void startHost() {
            host = null;
            hostType = null;
            hosts++;
        }

        void address(String address, String type) {
            // A host lists its MAC address too; the IP address is the one a tester can reach.
            boolean ip = "ipv4".equals(type) || "ipv6".equals(type);
            if (!blank(address) && (host == null || (ip && !"ipv4".equals(hostType) && !"ipv6".equals(hostType)))) {
                host = address;
                hostType = type;
                if (hosts <= 1) {
                    firstHost = address;
                }
            }
        }

        void port(Port port, String where) {
            if (!"open".equals(port.state) || blank(port.id)) {
                return;
            }
            int number;
            try {
                number = Integer.parseInt(port.id.strip());
            } catch (NumberFormatException e) {
                throw new RejectedContentException(where, "The port number '" + port.id + "' is not a number.");
            }
            String service = port.serviceName();
            String address = host == null ? "an unnamed host" : host;
            String portName = number + "/" + port.protocol;
            String location = "port " + portName + " on " + address;
            String banner = port.banner();
            String described = service + (banner.isEmpty() ? "" : ", " + banner);
            open++;
            protocols.add(port.protocol);
            if (listed.size() < LISTED_PORTS) {
                listed.add(new Listed(
                        address, number + (port.protocol.equals("tcp") ? "" : "/" + port.protocol) + " " + service));
            }
            sink.openPort(number, port.protocol, service);

            Optional<DeclaredInterface> declared = context.declared(number, port.protocol);
            if (declared.isPresent()) {
                sink.finding(new Finding(
                        "nmap.port.declared",
                        Severity.INFO,
                        DECLARED,
                        "Port " + portName + " (" + described + ") on " + address + " is open and declared: "
                                + purpose(declared.get()) + ".",
                        location));
            } else {
                undeclared++;
                sink.finding(new Finding(
                        "nmap.port.undeclared",
                        Severity.MEDIUM,
                        UNDECLARED,
                        "Port " + portName + " (" + described + ") on " + address
                                + " is open but not declared among the product's network interfaces: disable it,"
                                + " or declare it and justify why it is needed.",
                        location));
            }
            if (port.cleartextLogin()) {
                cleartext++;
                sink.finding(cleartextFinding(portName, address, service, declared, location));
            }
        }

        private static Finding cleartextFinding(
                String portName,
                String address,
                String service,
                Optional<DeclaredInterface> declared,
                String location) {
            String what = "Port " + portName + " on " + address + " offers " + service
                    + ", a login service that sends passwords and sessions in cleartext";
            if (declared.isEmpty()) {
                return new Finding(
                        "nmap.cleartext-login", Severity.HIGH, CLEARTEXT, what + ", and it is not declared.", location);
            }
            String justification = declared.get().justification();
            if (blank(justification)) {
                return new Finding(
                        "nmap.cleartext-login",
                        Severity.HIGH,
                        CLEARTEXT,
                        what + "; it is declared (" + purpose(declared.get()) + ") but not justified.",
                        location);
            }
            return new Finding(
                    "nmap.cleartext-login",
                    Severity.LOW,
                    CLEARTEXT,
                    what + "; it is declared and justified (\"" + justification.strip()
                            + "\"): judge whether the justification holds for a cleartext login.",
                    location);
        }

        private static String purpose(DeclaredInterface declared) {
            return blank(declared.purpose())
                    ? "no purpose given"
                    : declared.purpose().strip();
        }

        String summary() {
            String kind =
                    protocols.size() == 1 ? " " + protocols.iterator().next().toUpperCase(Locale.ROOT) : "";
            String where = hosts == 1 && firstHost != null ? " on " + firstHost : " on " + hosts + " hosts";
            if (open == 0) {
                return "No open ports" + where;
            }
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < listed.size(); i++) {
                Listed port = listed.get(i);
                boolean newHost = i == 0 || !listed.get(i - 1).host().equals(port.host());
                if (i > 0) {
                    list.append(newHost && hosts > 1 ? "; " : ", ");
                }
                if (newHost && hosts > 1) {
                    list.append(port.host()).append(": ");
                }
                list.append(port.entry());
            }
            if (open > listed.size()) {
                list.append(", …");
            }
            StringBuilder summary = new StringBuilder()
                    .append(open)
                    .append(" open")
                    .append(kind)
                    .append(open == 1 ? " port" : " ports")
                    .append(where)
                    .append(" (")
                    .append(list)
                    .append("); ")
                    .append(undeclared == 0 ? "all declared" : undeclared + " undeclared");
            if (cleartext > 0) {
                summary.append("; ")
                        .append(cleartext)
                        .append(cleartext == 1 ? " cleartext login service" : " cleartext login services");
            }
            return summary.toString();
        }
    }
}
