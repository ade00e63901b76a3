package io.conformity.evidence.internal.declarations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;
import io.conformity.evidence.internal.analysis.AnalysisContext;
import io.conformity.evidence.internal.analysis.Finding;
import io.conformity.evidence.internal.declarations.StructuredDeclarations.Validated;

/**
 * What a validated declaration itself gives away: statements that contradict a provision (a universal default
 * password, a hard-coded key, a support period that ended or was shortened) and information a provision needs but
 * the declaration leaves out (an enabled interface without a justification).
 * <p>
 * Findings are coded {@code <kind>.<subject>.<problem>} and located by the JSON Pointer of the value concerned (or of
 * the property that is missing). Severity follows one rule: a declared fact that breaks a mandatory provision (EN 303
 * 645 M, PSTI, CRA Annex I) is HIGH, or CRITICAL where it exposes every unit of a product class at once; missing
 * information for a mandatory provision is MEDIUM; an unmet recommendation is LOW. Provision ids and statuses are
 * those of {@code shared/reference/regulations.md} §2.3 (EN 303 645 V3.1.3), §4.3 (PSTI Schedule 1) and §5.1 (CRA
 * Annex I). The reference sets no maximum for disclosure timelines, so none is checked.
 */
public final class DeclarationChecks {

    private static final Provision PSTI_PASSWORDS = Provision.psti("Sch1-P1");
    private static final Provision PSTI_REPORTING = Provision.psti("Sch1-P2");
    private static final Provision PSTI_SUPPORT = Provision.psti("Sch1-P3");

    // PSTI Sch. 1 para 1(3)(a)-(c), in the words of a finding.
    private static final Map<String, String> GUESSABLE_GENERATION = Map.of(
            "incremental-counter", "an incremental counter",
            "derived-from-public-information", "publicly available information",
            "derived-from-identifier", "a product identifier without a key");

    /** Findings for one validated declaration, judged against {@code context}. */
    public List<Finding> check(Validated declaration, AnalysisContext context) {
        JsonNode document = declaration.document();
        List<Finding> findings = new ArrayList<>();
        switch (declaration.kind()) {
            case "authentication" -> authentication(document, findings);
            case "vulnerability-disclosure" -> vulnerabilityDisclosure(document, findings);
            case "support-period" -> supportPeriod(document, context, findings);
            case "update-mechanism" -> updateMechanism(document, findings);
            case "secure-boot" -> secureBoot(document, findings);
            case "security-parameters" -> securityParameters(document, findings);
            case "interfaces" -> interfaces(document, findings);
            case "secure-communication" -> secureCommunication(document, findings);
            case "personal-data" -> personalData(document, findings);
            case "telemetry" -> telemetry(document, findings);
            case "deletion" -> deletion(document, findings);
            case "resilience" -> resilience(document, findings);
            default -> {
                // A kind added to the index without rules yet: nothing to say about it.
            }
        }
        return List.copyOf(findings);
    }

    private static void authentication(JsonNode document, List<Finding> findings) {
        JsonNode mechanisms = document.path("mechanisms");
        for (int i = 0; i < mechanisms.size(); i++) {
            JsonNode mechanism = mechanisms.get(i);
            String at = "/mechanisms/" + i;
            String name = quoted(mechanism.path("name").asText());
            JsonNode password = mechanism.path("password");
            if ("universal-default".equals(password.path("origin").asText())) {
                findings.add(new Finding(
                        "authentication.password.universal-default",
                        Severity.CRITICAL,
                        List.of(Provision.en("5.1-1"), PSTI_PASSWORDS, Provision.cra("I.2b")),
                        "The mechanism " + name + " uses a universal default password shared by every device. "
                                + "Passwords must be unique per device or defined by the user (PSTI Schedule 1 "
                                + "paragraph 1, EN 303 645 5.1-1).",
                        at + "/password/origin"));
            }
            // PSTI Sch. 1 para 1(3)(a)-(c): incremental counters, public information and (unkeyed) product
            // identifiers make unique passwords guessable for the whole product class (EN 303 645 5.1-2).
            String method = password.path("generation").path("method").asText();
            String basis = GUESSABLE_GENERATION.get(method);
            if (basis != null) {
                findings.add(new Finding(
                        "authentication.password.guessable",
                        Severity.CRITICAL,
                        List.of(Provision.en("5.1-2"), PSTI_PASSWORDS),
                        "The per-device passwords of " + name + " are based on " + basis
                                + "; PSTI Schedule 1 paragraph 1 forbids passwords based on incremental counters, "
                                + "public information or product identifiers unless derived with encryption or a "
                                + "keyed hash (EN 303 645 5.1-2).",
                        at + "/password/generation/method"));
            }
            if ("user-to-device".equals(mechanism.path("subject").asText())
                    && password.path("changeable").isBoolean()
                    && !password.path("changeable").booleanValue()) {
                findings.add(new Finding(
                        "authentication.password.not-changeable",
                        Severity.HIGH,
                        List.of(Provision.en("5.1-4"), Provision.cra("I.2d")),
                        "Users cannot change the password of " + name
                                + "; EN 303 645 5.1-4 requires a simple way to change the authentication value.",
                        at + "/password/changeable"));
            }
            JsonNode bruteForce = mechanism.path("bruteForceProtection");
            if (mechanism.path("networkAccessible").asBoolean()
                    && contains(bruteForce.path("methods"), "none")
                    && !bruteForce.has("justification")) {
                // 5.1-5 is M C F (14, e): only a stated use-case resource constraint (condition 14) excuses it.
                findings.add(new Finding(
                        "authentication.brute-force.unprotected",
                        Severity.HIGH,
                        List.of(Provision.en("5.1-5"), Provision.cra("I.2d")),
                        "The network-accessible mechanism " + name + " has no brute-force protection and no "
                                + "resource constraint is given that would prevent one (EN 303 645 5.1-5).",
                        at + "/bruteForceProtection/methods"));
            }
            if ("machine-to-machine".equals(mechanism.path("subject").asText())
                    && mechanism.path("usesPasswords").asBoolean()) {
                findings.add(new Finding(
                        "authentication.machine-to-machine.password",
                        Severity.LOW,
                        List.of(Provision.en("5.1-2A")),
                        "The machine-to-machine mechanism " + name + " uses passwords; EN 303 645 5.1-2A "
                                + "recommends avoiding them for machine-to-machine authentication.",
                        at + "/usesPasswords"));
            }
        }
    }

    private static void vulnerabilityDisclosure(JsonNode document, List<Finding> findings) {
        JsonNode publication = document.path("publication");
        // PSTI Sch. 1 para 2(3): without prior request, in English, free of charge, without the reporter's personal
        // information. "Without an account" is the TS 103 701 test unit of EN 303 645 5.2-1.
        restricted(
                publication,
                "withoutPriorRequest",
                "is only available on request",
                findings,
                "vulnerability-disclosure",
                "vulnerability disclosure information",
                List.of(PSTI_REPORTING));
        restricted(
                publication,
                "inEnglish",
                "is not available in English",
                findings,
                "vulnerability-disclosure",
                "vulnerability disclosure information",
                List.of(PSTI_REPORTING));
        restricted(
                publication,
                "freeOfCharge",
                "is not free of charge",
                findings,
                "vulnerability-disclosure",
                "vulnerability disclosure information",
                List.of(PSTI_REPORTING));
        restricted(
                publication,
                "noPersonalInformationRequired",
                "asks for personal information",
                findings,
                "vulnerability-disclosure",
                "vulnerability disclosure information",
                List.of(PSTI_REPORTING));
        restricted(
                publication,
                "accessibleWithoutAccount",
                "needs an account or registration",
                findings,
                "vulnerability-disclosure",
                "vulnerability disclosure information",
                List.of(Provision.en("5.2-1"), PSTI_REPORTING));
    }

    private static void supportPeriod(JsonNode document, AnalysisContext context, List<Finding> findings) {
        LocalDate end = LocalDate.parse(document.path("endDate").asText());
        if (end.isBefore(context.today())) {
            findings.add(new Finding(
                    "support-period.ended",
                    Severity.HIGH,
                    List.of(Provision.en("5.3-13"), PSTI_SUPPORT),
                    "The declared support period ended on " + end + "; products supplied now would get no "
                            + "security updates (PSTI Schedule 1 paragraph 3, EN 303 645 5.3-13).",
                    "/endDate"));
        }
        Optional<LocalDate> published = context.publishedSupportEnd();
        // PSTI Sch. 1 para 3: a period may be extended (and the new one published), but the requirement is
        // breached if the published period is later shortened.
        if (published.isPresent() && end.isBefore(published.get())) {
            findings.add(new Finding(
                    "support-period.shortened",
                    Severity.HIGH,
                    List.of(PSTI_SUPPORT, Provision.en("5.3-13")),
                    "The declared support period ends on " + end + ", earlier than the " + published.get()
                            + " published before; PSTI Schedule 1 paragraph 3 forbids shortening a published "
                            + "support period.",
                    "/endDate"));
        }
        JsonNode publication = document.path("publication");
        // PSTI Sch. 1 para 3 presentation rules; "without an account" and "understandable without technical
        // knowledge" are also the TS 103 701 test units of EN 303 645 5.3-13.
        restricted(
                publication,
                "withoutPriorRequest",
                "is only available on request",
                findings,
                "support-period",
                "support period",
                List.of(PSTI_SUPPORT));
        restricted(
                publication,
                "inEnglish",
                "is not available in English",
                findings,
                "support-period",
                "support period",
                List.of(PSTI_SUPPORT));
        restricted(
                publication,
                "freeOfCharge",
                "is not free of charge",
                findings,
                "support-period",
                "support period",
                List.of(PSTI_SUPPORT));
        restricted(
                publication,
                "noPersonalInformationRequired",
                "asks for personal information",
                findings,
                "support-period",
                "support period",
                List.of(PSTI_SUPPORT));
        restricted(
                publication,
                "accessibleWithoutAccount",
                "needs an account or registration",
                findings,
                "support-period",
                "support period",
                List.of(Provision.en("5.3-13"), PSTI_SUPPORT));
        restricted(
                publication,
                "understandableWithoutTechnicalKnowledge",
                "needs technical knowledge to understand",
                findings,
                "support-period",
                "support period",
                List.of(Provision.en("5.3-13"), PSTI_SUPPORT));
        if ("not-shown".equals(document.path("purchasePage").asText())) {
            findings.add(new Finding(
                    "support-period.purchase-page.not-shown",
                    Severity.HIGH,
                    List.of(PSTI_SUPPORT),
                    "The manufacturer's own purchase page shows the product's main characteristics but not the "
                            + "support period; PSTI Schedule 1 paragraph 3 requires it alongside them or with "
                            + "equal prominence.",
                    "/purchasePage"));
        }
    }

    private static void updateMechanism(JsonNode document, List<Finding> findings) {
        if (!document.path("updatable").asBoolean()) {
            // 5.3-2 is M C (15): only a use-case resource constraint excuses the lack of an update mechanism, and
            // CRA Annex I 2(c) expects vulnerabilities to be fixable by security updates.
            findings.add(new Finding(
                    "update-mechanism.not-updatable",
                    Severity.MEDIUM,
                    List.of(Provision.en("5.3-2"), Provision.cra("I.2c")),
                    "The device software is declared not updatable; the rationale and replacement support must "
                            + "justify this (EN 303 645 5.3-2, 5.3-14; CRA Annex I 2(c)).",
                    "/updatable"));
            return;
        }
        JsonNode mechanisms = document.path("mechanisms");
        boolean automatic = false;
        for (int i = 0; i < mechanisms.size(); i++) {
            JsonNode mechanism = mechanisms.get(i);
            String at = "/mechanisms/" + i;
            String name = quoted(mechanism.path("name").asText());
            if ("none".equals(mechanism.path("authenticity").path("method").asText())) {
                boolean network = "network".equals(mechanism.path("delivery").asText());
                findings.add(new Finding(
                        "update-mechanism.unverified",
                        network ? Severity.HIGH : Severity.MEDIUM,
                        network
                                ? List.of(Provision.en("5.3-9"), Provision.en("5.3-10"), Provision.cra("II.7"))
                                : List.of(Provision.en("5.3-9"), Provision.cra("I.2f")),
                        "The update mechanism " + name + " does not verify the integrity and authenticity of "
                                + "updates" + (network ? " delivered over the network (EN 303 645 5.3-10)." : "."),
                        at + "/authenticity/method"));
            }
            JsonNode auto = mechanism.path("automatic");
            if (auto.path("supported").asBoolean()) {
                automatic = true;
                if (auto.path("enabledByDefault").isBoolean()
                        && !auto.path("enabledByDefault").booleanValue()) {
                    // CRA Annex I 2(c): automatic security updates enabled by default, with a clear opt-out.
                    findings.add(new Finding(
                            "update-mechanism.automatic.off-by-default",
                            Severity.LOW,
                            List.of(Provision.cra("I.2c")),
                            "Automatic updates by " + name + " are off by default; the CRA expects automatic "
                                    + "security updates to be on by default with an easy opt-out.",
                            at + "/automatic/enabledByDefault"));
                }
            }
        }
        if (!automatic) {
            findings.add(new Finding(
                    "update-mechanism.automatic.unsupported",
                    Severity.LOW,
                    List.of(Provision.en("5.3-4A"), Provision.cra("I.2c")),
                    "No update mechanism can install updates automatically (EN 303 645 5.3-4A, CRA Annex I 2(c)).",
                    "/mechanisms"));
        }
    }

    private static void secureBoot(JsonNode document, List<Finding> findings) {
        if (!document.path("supported").asBoolean()) {
            findings.add(new Finding(
                    "secure-boot.absent",
                    Severity.LOW,
                    List.of(Provision.en("5.7-1"), Provision.cra("I.2f")),
                    "The device does not verify its software with secure boot (EN 303 645 5.7-1 recommends it).",
                    "/supported"));
            return;
        }
        if (!document.path("detection").has("userNotification")) {
            findings.add(new Finding(
                    "secure-boot.no-alert",
                    Severity.LOW,
                    List.of(Provision.en("5.7-2")),
                    "No alert to the user or administrator is declared for an unauthorised software change "
                            + "(EN 303 645 5.7-2).",
                    "/detection/userNotification"));
        }
    }

    private static void securityParameters(JsonNode document, List<Finding> findings) {
        JsonNode parameters = document.path("parameters");
        for (int i = 0; i < parameters.size(); i++) {
            JsonNode parameter = parameters.get(i);
            if (!"critical".equals(parameter.path("category").asText())) {
                continue;
            }
            String at = "/parameters/" + i;
            String name = quoted(parameter.path("name").asText());
            if (parameter.path("hardCoded").asBoolean()) {
                findings.add(new Finding(
                        "security-parameters.hard-coded",
                        Severity.CRITICAL,
                        List.of(Provision.en("5.4-3"), Provision.cra("I.2e")),
                        "The critical security parameter " + name + " is hard-coded in the device software, the "
                                + "same for every unit (EN 303 645 5.4-3 forbids it).",
                        at + "/hardCoded"));
            }
            // 5.4-4 (M F (m)): CSPs for update verification or for protecting communication with associated
            // services must be unique per device.
            if (!parameter.path("perDeviceUnique").asBoolean()
                    && (contains(parameter.path("usedFor"), "update-verification")
                            || contains(parameter.path("usedFor"), "service-communication"))) {
                findings.add(new Finding(
                        "security-parameters.shared",
                        Severity.HIGH,
                        List.of(Provision.en("5.4-4"), Provision.cra("I.2e")),
                        "The critical security parameter " + name + " protects updates or communication with "
                                + "associated services but is not unique per device (EN 303 645 5.4-4).",
                        at + "/perDeviceUnique"));
            }
            if ("plaintext-storage".equals(parameter.path("storage").asText())) {
                findings.add(new Finding(
                        "security-parameters.plaintext",
                        Severity.HIGH,
                        List.of(Provision.en("5.4-1"), Provision.cra("I.2e")),
                        "The critical security parameter " + name + " is stored in plain text (EN 303 645 5.4-1 "
                                + "requires secure storage).",
                        at + "/storage"));
            }
        }
    }

    private static void interfaces(JsonNode document, List<Finding> findings) {
        JsonNode interfaces = document.path("interfaces");
        for (int i = 0; i < interfaces.size(); i++) {
            JsonNode entry = interfaces.get(i);
            String at = "/interfaces/" + i;
            String type = entry.path("type").asText();
            String name = describe(entry);
            boolean enabled = entry.path("enabledByDefault").asBoolean();
            // TS 103 701 test units of 5.6-1 and 5.6-3: every enabled interface is justified.
            if (enabled && !entry.has("justification")) {
                boolean physical = "physical".equals(type);
                findings.add(new Finding(
                        "interfaces.unjustified",
                        Severity.MEDIUM,
                        List.of(Provision.en(physical ? "5.6-3" : "5.6-1"), Provision.cra("I.2j")),
                        "The interface " + name + " is enabled by default without a justification; every enabled "
                                + "interface must be needed for the intended use (EN 303 645 "
                                + (physical ? "5.6-3" : "5.6-1") + ").",
                        at + "/justification"));
            }
            if (entry.path("debug").asBoolean()
                    && enabled
                    && !entry.path("authenticationRequired").asBoolean()) {
                findings.add(new Finding(
                        "interfaces.debug.exposed",
                        Severity.HIGH,
                        List.of(Provision.en("5.6-4A"), Provision.cra("I.2j")),
                        "The debug interface " + name + " is enabled without authentication or access control "
                                + "(EN 303 645 5.6-4A).",
                        at + "/enabledByDefault"));
            }
            if (Set.of("network", "radio").contains(type)
                    && entry.path("allowsConfiguration").asBoolean()
                    && entry.path("authenticationRequired").isBoolean()
                    && !entry.path("authenticationRequired").booleanValue()) {
                findings.add(new Finding(
                        "interfaces.configuration.unauthenticated",
                        Severity.HIGH,
                        List.of(Provision.en("5.5-5"), Provision.cra("I.2d")),
                        "Security-relevant configuration can be changed through " + name
                                + " without authentication (EN 303 645 5.5-5).",
                        at + "/authenticationRequired"));
            }
        }
    }

    private static void secureCommunication(JsonNode document, List<Finding> findings) {
        JsonNode channels = document.path("channels");
        for (int i = 0; i < channels.size(); i++) {
            JsonNode channel = channels.get(i);
            String at = "/channels/" + i;
            String name = quoted(channel.path("name").asText());
            JsonNode guarantees = channel.path("guarantees");
            JsonNode carries = channel.path("carries");
            boolean confidential = contains(guarantees, "confidentiality");
            if (!confidential && contains(carries, "critical-security-parameters")) {
                findings.add(new Finding(
                        "secure-communication.csp.unencrypted",
                        Severity.HIGH,
                        List.of(Provision.en("5.5-7"), Provision.cra("I.2e")),
                        "The channel " + name + " carries critical security parameters without confidentiality "
                                + "protection (EN 303 645 5.5-7).",
                        at + "/guarantees"));
            }
            if (!confidential && contains(carries, "sensitive-personal-data")) {
                findings.add(new Finding(
                        "secure-communication.sensitive-personal-data.unencrypted",
                        Severity.HIGH,
                        List.of(Provision.en("5.8-2"), Provision.cra("I.2e")),
                        "The channel " + name + " carries sensitive personal data without confidentiality "
                                + "protection (EN 303 645 5.8-2).",
                        at + "/guarantees"));
            }
            if (!confidential && contains(carries, "personal-data")) {
                findings.add(new Finding(
                        "secure-communication.personal-data.unencrypted",
                        Severity.MEDIUM,
                        List.of(Provision.en("5.8-1"), Provision.cra("I.2e")),
                        "The channel " + name + " carries personal data without confidentiality protection "
                                + "(EN 303 645 5.8-1 recommends it).",
                        at + "/guarantees"));
            }
            // TS 103 701 on 5.5-1: at least integrity and authenticity where commands, updates or keys travel.
            boolean sensitive = contains(carries, "commands")
                    || contains(carries, "software-updates")
                    || contains(carries, "critical-security-parameters");
            if (sensitive && !(contains(guarantees, "integrity") && contains(guarantees, "authenticity"))) {
                findings.add(new Finding(
                        "secure-communication.integrity.missing",
                        Severity.MEDIUM,
                        List.of(Provision.en("5.5-1"), Provision.cra("I.2f")),
                        "The channel " + name + " carries commands, updates or keys without both integrity and "
                                + "authenticity protection (EN 303 645 5.5-1).",
                        at + "/guarantees"));
            }
        }
    }

    private static void personalData(JsonNode document, List<Finding> findings) {
        JsonNode sensors = document.path("externalSensors");
        for (int i = 0; i < sensors.size(); i++) {
            JsonNode sensor = sensors.get(i);
            if (!sensor.has("documentedAt")) {
                findings.add(new Finding(
                        "personal-data.sensor.undocumented",
                        Severity.MEDIUM,
                        List.of(Provision.en("5.8-3")),
                        "No user documentation is given for the "
                                + sensor.path("type").asText() + " sensing capability (EN 303 645 5.8-3).",
                        "/externalSensors/" + i + "/documentedAt"));
            }
        }
    }

    private static void telemetry(JsonNode document, List<Finding> findings) {
        if (!document.path("collected").asBoolean()) {
            return;
        }
        if (!document.has("disclosedAt")) {
            findings.add(new Finding(
                    "telemetry.undisclosed",
                    Severity.MEDIUM,
                    List.of(Provision.en("6-5")),
                    "Telemetry is collected but no place is given where consumers are told what is collected, how "
                            + "it is used, by whom and why (EN 303 645 6-5).",
                    "/disclosedAt"));
        }
        if (!document.has("securityExamination")) {
            findings.add(new Finding(
                    "telemetry.not-examined",
                    Severity.LOW,
                    List.of(Provision.en("5.10-1"), Provision.cra("I.2l")),
                    "Telemetry is collected but not declared to be examined for security anomalies "
                            + "(EN 303 645 5.10-1).",
                    "/securityExamination"));
        }
    }

    private static void deletion(JsonNode document, List<Finding> findings) {
        JsonNode functions = document.path("functions");
        boolean device = false;
        for (int i = 0; i < functions.size(); i++) {
            JsonNode function = functions.get(i);
            device |= "device".equals(function.path("target").asText());
            if (!function.has("confirmation")) {
                findings.add(new Finding(
                        "deletion.confirmation.missing",
                        Severity.LOW,
                        List.of(Provision.en("5.11-4")),
                        "The deletion function " + quoted(function.path("name").asText())
                                + " gives no confirmation that the data was deleted (EN 303 645 5.11-4).",
                        "/functions/" + i + "/confirmation"));
            }
        }
        if (!device) {
            findings.add(new Finding(
                    "deletion.device.missing",
                    Severity.HIGH,
                    List.of(Provision.en("5.11-1"), Provision.cra("I.2m")),
                    "No function erases user data from the device itself (EN 303 645 5.11-1).",
                    "/functions"));
        }
        if (!document.has("instructionsUrl")) {
            findings.add(new Finding(
                    "deletion.instructions.missing",
                    Severity.LOW,
                    List.of(Provision.en("5.11-3")),
                    "No published instructions on deleting personal data are given (EN 303 645 5.11-3).",
                    "/instructionsUrl"));
        }
    }

    private static void resilience(JsonNode document, List<Finding> findings) {
        JsonNode mechanisms = document.path("mechanisms");
        for (String outage : List.of("network-outage", "power-outage")) {
            boolean covered = false;
            for (JsonNode mechanism : mechanisms) {
                covered |= outage.equals(mechanism.path("type").asText());
            }
            if (!covered) {
                findings.add(new Finding(
                        "resilience." + outage + ".missing",
                        Severity.LOW,
                        List.of(Provision.en("5.9-1"), Provision.en("5.9-2"), Provision.cra("I.2h")),
                        "No resilience mechanism for a " + outage.replace('-', ' ') + " is declared "
                                + "(EN 303 645 5.9-1, 5.9-2).",
                        "/mechanisms"));
            }
        }
    }

    /** A presentation condition declared false. */
    private static void restricted(
            JsonNode publication,
            String flag,
            String problem,
            List<Finding> findings,
            String kind,
            String what,
            List<Provision> provisions) {
        JsonNode value = publication.path(flag);
        if (value.isBoolean() && !value.booleanValue()) {
            findings.add(new Finding(
                    kind + ".publication.restricted",
                    Severity.HIGH,
                    provisions,
                    "The published " + what + " " + problem + "; it must be available to anyone, without prior "
                            + "request, in English, free of charge and without personal information"
                            + (kind.equals("support-period") ? ", understandable without technical knowledge." : "."),
                    "/publication/" + flag));
        }
    }

    private static String describe(JsonNode entry) {
        String name = quoted(entry.path("name").asText());
        if (entry.has("port")) {
            return name + " ("
                    + DeclaredFacts.key(
                            entry.path("port").asInt(), entry.path("protocol").asText()) + ")";
        }
        return name;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }

    private static String quoted(String name) {
        // JSON-escaped: a quote or line break in a declared name cannot garble the sentence.
        return TextNode.valueOf(name).toString();
    }
}
