package io.conformity.evidence.internal.analysis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;

/**
 * Checks a security.txt (RFC 9116), the machine-readable pointer to a manufacturer's vulnerability disclosure
 * policy (EN 303 645 5.2-1, PSTI Schedule 1 paragraph 2, CRA Annex I Part II (5)–(6)).
 *
 * <p>Findings: {@code securitytxt.contact.missing} (HIGH) and {@code securitytxt.contact.invalid} (MEDIUM, not a
 * mailto:, tel: or https: URI); {@code securitytxt.expires.missing} (HIGH), {@code .multiple} (MEDIUM),
 * {@code .invalid} (MEDIUM, not an RFC 3339 date-time), {@code .past} (HIGH) and {@code .too-far} (LOW: the RFC
 * recommends less than a year ahead), judged against the analysis date; {@code securitytxt.policy.missing} (LOW: the
 * RFC makes Policy optional, but the policy is what 5.2-1 asks for); and {@code securitytxt.valid} (INFO) when
 * nothing above LOW was found. An OpenPGP cleartext signature is accepted: its armour is stripped and the signed
 * text read; the signature itself is not verified.
 *
 * <p>The file is read line by line: a line over {@value #MAX_LINE_BYTES} bytes or a file over
 * {@value #MAX_FILE_BYTES} bytes is rejected, as no genuine security.txt comes near either.
 */
public final class SecurityTxtAnalyzer implements Analyzer {

    static final int MAX_LINE_BYTES = 4 * 1024;
    static final int MAX_FILE_BYTES = 1024 * 1024;

    private static final List<Provision> DISCLOSURE =
            List.of(Provision.en("5.2-1"), Provision.psti("Sch1-P2"), Provision.cra("II.6"));
    private static final List<Provision> POLICY =
            List.of(Provision.en("5.2-1"), Provision.psti("Sch1-P2"), Provision.cra("II.5"));
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z0-9-]+):[ \\t]*(.*?)[ \\t]*$");
    // The fields of IANA's security.txt registry besides Contact and Expires.
    private static final Set<String> OTHER_FIELDS =
            Set.of("encryption", "acknowledgments", "preferred-languages", "canonical", "policy", "hiring", "csaf");
    private static final Pattern CONTACT_URI = Pattern.compile("(?i)^(mailto:\\S+@\\S+|tel:\\S+|https://\\S+)$");
    private static final String BEGIN_SIGNED = "-----BEGIN PGP SIGNED MESSAGE-----";
    private static final String BEGIN_SIGNATURE = "-----BEGIN PGP SIGNATURE-----";
    private static final String END_SIGNATURE = "-----END PGP SIGNATURE-----";
    private static final String WHOLE_FILE = "whole file";
    private static final int QUOTED = 200;

    @Override
    public String name() {
        return "securitytxt";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<Provision> evidences() {
        return List.of(Provision.en("5.2-1"), Provision.psti("Sch1-P2"));
    }

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public boolean recognises(Head head) {
        String text = head.text();
        String start = text.stripLeading();
        if (text.indexOf('\0') >= 0 || start.startsWith("<") || start.startsWith("{") || start.startsWith("[")) {
            return false;
        }
        String name = head.lowerCaseName();
        if (name.equals("security.txt") || name.endsWith("/security.txt")) {
            return true;
        }
        boolean contact = false;
        boolean expires = false;
        boolean other = false;
        for (String line : text.lines().toList()) {
            Matcher field = FIELD.matcher(line.strip());
            if (field.matches()) {
                String fieldName = field.group(1).toLowerCase(Locale.ROOT);
                contact |= fieldName.equals("contact");
                expires |= fieldName.equals("expires");
                other |= OTHER_FIELDS.contains(fieldName);
            }
        }
        // "Expires:" alone is an HTTP header too; with another security.txt field it is this format.
        return contact || (expires && other);
    }

    @Override
    public String analyse(InputStream content, AnalysisContext context, AnalysisSink sink) throws IOException {
        Lines lines = new Lines(content);
        Check check = new Check(context, sink);
        Armour armour = Armour.NONE;
        boolean first = true;
        String line;
        while ((line = lines.next()) != null) {
            if (first && !line.isBlank()) {
                first = false;
                if (line.strip().equals(BEGIN_SIGNED)) {
                    armour = Armour.HEADERS;
                    check.signed = true;
                    continue;
                }
            }
            switch (armour) {
                case HEADERS -> {
                    if (line.isBlank()) {
                        armour = Armour.SIGNED_TEXT;
                    }
                }
                case SIGNED_TEXT -> {
                    if (line.strip().equals(BEGIN_SIGNATURE)) {
                        armour = Armour.SIGNATURE;
                    } else {
                        // RFC 4880 7.1: signed lines starting with a dash are escaped with "- ".
                        check.line(line.startsWith("- ") ? line.substring(2) : line, lines.number());
                    }
                }
                case SIGNATURE -> {
                    if (line.strip().equals(END_SIGNATURE)) {
                        armour = Armour.AFTER;
                    }
                }
                case AFTER -> {
                    // Text after the signature is not covered by it; RFC 9116 says to ignore it.
                }
                case NONE -> check.line(line, lines.number());
            }
        }
        return check.finish();
    }

    private enum Armour {
        NONE,
        HEADERS,
        SIGNED_TEXT,
        SIGNATURE,
        AFTER
    }

    private static String quoted(String value) {
        return value.length() > QUOTED ? value.substring(0, QUOTED) + "…" : value;
    }

    /** The fields seen so far and what they add up to. */
    private static final class Check {
        final AnalysisContext context;
        final AnalysisSink sink;
        boolean signed;
        int fields;
        int contacts;
        String firstContact;
        int expiresFields;
        LocalDate expires;
        boolean expiresInvalid;
        int policies;
        String firstPolicy;
        boolean problem;

        Check(AnalysisContext context, AnalysisSink sink) {
            this.context = context;
            this.sink = sink;
        }

        void emit(String code, Severity severity, List<Provision> provisions, String message, String location) {
            problem |= severity.atLeast(Severity.MEDIUM);
            sink.finding(new Finding(code, severity, provisions, message, location));
        }

        void line(String text, int number) {
            String line = text.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                return;
            }
            Matcher field = FIELD.matcher(line);
            if (!field.matches()) {
                return;
            }
            fields++;
            String value = field.group(2);
            String where = "line " + number;
            switch (field.group(1).toLowerCase(Locale.ROOT)) {
                case "contact" -> contact(value, where);
                case "expires" -> expires(value, where);
                case "policy" -> {
                    policies++;
                    if (firstPolicy == null) {
                        firstPolicy = quoted(value);
                    }
                }
                default -> {}
            }
        }

        private void contact(String value, String where) {
            contacts++;
            if (firstContact == null) {
                firstContact = quoted(value);
            }
            if (!CONTACT_URI.matcher(value).matches()) {
                emit(
                        "securitytxt.contact.invalid",
                        Severity.MEDIUM,
                        DISCLOSURE,
                        "The Contact '" + quoted(value) + "' on " + where
                                + " is not a mailto:, tel: or https: URI, as RFC 9116 requires.",
                        where);
            }
        }

        private void expires(String value, String where) {
            expiresFields++;
            if (expiresFields == 2) {
                emit(
                        "securitytxt.expires.multiple",
                        Severity.MEDIUM,
                        DISCLOSURE,
                        "Expires appears again on " + where + "; RFC 9116 allows it exactly once.",
                        where);
            }
            if (expiresFields > 1) {
                return;
            }
            try {
                // RFC 3339 date-time; its "T" and "Z" may be lower case.
                expires = OffsetDateTime.parse(value.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .toLocalDate();
            } catch (DateTimeParseException e) {
                expiresInvalid = true;
                emit(
                        "securitytxt.expires.invalid",
                        Severity.MEDIUM,
                        DISCLOSURE,
                        "The Expires value '" + quoted(value) + "' on " + where
                                + " is not an RFC 3339 date-time such as 2027-10-31T23:59:00Z.",
                        where);
                return;
            }
            LocalDate today = context.today();
            if (expires.isBefore(today)) {
                emit(
                        "securitytxt.expires.past",
                        Severity.HIGH,
                        DISCLOSURE,
                        "The security.txt expired on " + expires + " (before " + today
                                + "): readers must treat it as stale.",
                        where);
            } else if (expires.isAfter(today.plusYears(1))) {
                emit(
                        "securitytxt.expires.too-far",
                        Severity.LOW,
                        DISCLOSURE,
                        "The security.txt expires on " + expires + ", more than a year after " + today
                                + "; RFC 9116 recommends less than a year so that the file is reviewed.",
                        where);
            }
        }

        String finish() {
            if (fields == 0) {
                throw new NotRecognisedException("The text has no security.txt field.");
            }
            if (contacts == 0) {
                emit(
                        "securitytxt.contact.missing",
                        Severity.HIGH,
                        DISCLOSURE,
                        "The security.txt has no Contact field, so it gives no address to report vulnerabilities to"
                                + " (RFC 9116 requires at least one).",
                        WHOLE_FILE);
            }
            if (expiresFields == 0) {
                emit(
                        "securitytxt.expires.missing",
                        Severity.HIGH,
                        DISCLOSURE,
                        "The security.txt has no Expires field (RFC 9116 requires exactly one), so nobody can tell"
                                + " whether it is still current.",
                        WHOLE_FILE);
            }
            if (policies == 0) {
                emit(
                        "securitytxt.policy.missing",
                        Severity.LOW,
                        POLICY,
                        "The security.txt names no Policy, so the disclosure policy with its acknowledgement and"
                                + " status-update timelines cannot be found from it.",
                        WHOLE_FILE);
            }
            if (!problem) {
                sink.finding(new Finding(
                        "securitytxt.valid",
                        Severity.INFO,
                        DISCLOSURE,
                        "The security.txt is valid" + (signed ? " (signed; signature not verified)" : "") + ": "
                                + contacts + (contacts == 1 ? " Contact (" : " Contacts (first ") + firstContact
                                + "), expires on " + expires
                                + (firstPolicy == null ? ", no Policy." : ", Policy " + firstPolicy + "."),
                        WHOLE_FILE));
            }
            String expiry =
                    expiresFields == 0 ? "no Expires" : expiresInvalid ? "invalid Expires" : "expires " + expires;
            return "security.txt" + (signed ? " (signed)" : "") + ": "
                    + (contacts == 0 ? "no Contact" : contacts + (contacts == 1 ? " Contact" : " Contacts")) + ", "
                    + expiry + ", " + (policies == 0 ? "no Policy" : "Policy") + "; "
                    + (problem ? "not valid" : "valid");
        }
    }

    /** Lines of at most {@value #MAX_LINE_BYTES} bytes from a stream of at most {@value #MAX_FILE_BYTES}. */
    private static final class Lines {
        final InputStream in;
        final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int number;
        long total;
        boolean ended;

        Lines(InputStream in) {
            this.in = new BufferedInputStream(in);
        }

        int number() {
            return number;
        }

        /** The next line without its end ({@code \n} or {@code \r\n}), or null at the end of the file. */
        String next() throws IOException {
            if (ended) {
                return null;
            }
            line.reset();
            number++;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    ended = true;
                    if (line.size() == 0) {
                        return null;
                    }
                    break;
                }
                if (++total > MAX_FILE_BYTES) {
                    throw new RejectedContentException(
                            "line " + number, "The file is larger than " + MAX_FILE_BYTES + " bytes.");
                }
                if (b == '\n') {
                    break;
                }
                if (line.size() >= MAX_LINE_BYTES) {
                    throw new RejectedContentException(
                            "line " + number, "The line is longer than " + MAX_LINE_BYTES + " bytes.");
                }
                line.write(b);
            }
            String text = line.toString(StandardCharsets.UTF_8);
            if (number == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
    }
}
