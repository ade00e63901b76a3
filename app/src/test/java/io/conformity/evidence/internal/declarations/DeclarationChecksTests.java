package io.conformity.evidence.internal.declarations;

import static io.conformity.evidence.internal.declarations.StructuredDeclarationsTests.DECLARATIONS;
import static io.conformity.evidence.internal.declarations.StructuredDeclarationsTests.bytes;
import static io.conformity.evidence.internal.declarations.StructuredDeclarationsTests.example;
import static io.conformity.evidence.internal.declarations.StructuredDeclarationsTests.exampleTree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.assertj.core.api.ListAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.conformity.evidence.Provision;
import io.conformity.evidence.Severity;
import io.conformity.evidence.internal.analysis.AnalysisContext;
import io.conformity.evidence.internal.analysis.AnalysisContext.DeclaredInterface;
import io.conformity.evidence.internal.analysis.Finding;
import io.conformity.evidence.internal.declarations.StructuredDeclarations.Validated;

class DeclarationChecksTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    private static final AnalysisContext CONTEXT = AnalysisContext.of(TODAY);
    private static final DeclarationChecks CHECKS = new DeclarationChecks();

    private static List<Finding> check(String kind, ObjectNode document, AnalysisContext context) {
        return CHECKS.check(DECLARATIONS.validate(kind, bytes(document)), context);
    }

    private static ListAssert<Tuple> assertFindings(String kind, ObjectNode document) {
        return assertFindings(check(kind, document, CONTEXT));
    }

    private static ListAssert<Tuple> assertFindings(List<Finding> findings) {
        return assertThat(findings.stream()
                .map(f -> tuple(f.code(), f.severity(), f.provisions(), f.location()))
                .toList());
    }

    private static Tuple finding(String code, Severity severity, String location, Provision... provisions) {
        return tuple(code, severity, List.of(provisions), location);
    }

    private static ObjectNode emptyDocument() {
        return StructuredDeclarationsTests.JSON.createObjectNode();
    }

    private static ObjectNode at(ObjectNode document, String pointer) {
        return (ObjectNode) document.at(pointer);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theExamplesDeclareACompliantCamera(String kind) {
        AnalysisContext published =
                new AnalysisContext(TODAY, Map.of(), Optional.of(LocalDate.of(2030, 12, 31)), Set.of());
        assertThat(CHECKS.check(DECLARATIONS.validate(kind, example(kind)), published))
                .isEmpty();
    }

    static Stream<String> kinds() {
        return StructuredDeclarationsTests.KINDS.stream();
    }

    // --- authentication

    @Test
    void aUniversalDefaultPasswordIsCritical() {
        ObjectNode doc = exampleTree("authentication");
        at(doc, "/mechanisms/0/password").put("origin", "universal-default");
        List<Finding> findings = check("authentication", doc, CONTEXT);
        assertFindings(findings)
                .containsExactly(finding(
                        "authentication.password.universal-default",
                        Severity.CRITICAL,
                        "/mechanisms/0/password/origin",
                        Provision.en("5.1-1"),
                        Provision.psti("Sch1-P1"),
                        Provision.cra("I.2b")));
        assertThat(findings.get(0).message())
                .isEqualTo("The mechanism \"Local web administration login\" uses a universal default password "
                        + "shared by every device. Passwords must be unique per device or defined by the user "
                        + "(PSTI Schedule 1 paragraph 1, EN 303 645 5.1-1).");
    }

    @Test
    void passwordsDerivedFromIdentifiersCountersOrPublicInformationAreCritical() {
        for (String method :
                List.of("derived-from-identifier", "incremental-counter", "derived-from-public-information")) {
            ObjectNode doc = exampleTree("authentication");
            at(doc, "/mechanisms/0/password/generation").put("method", method);
            assertFindings("authentication", doc)
                    .as(method)
                    .containsExactly(finding(
                            "authentication.password.guessable",
                            Severity.CRITICAL,
                            "/mechanisms/0/password/generation/method",
                            Provision.en("5.1-2"),
                            Provision.psti("Sch1-P1")));
        }
        ObjectNode serial = exampleTree("authentication");
        at(serial, "/mechanisms/0/password/generation").put("method", "derived-from-identifier");
        assertThat(check("authentication", serial, CONTEXT).get(0).message())
                .isEqualTo("The per-device passwords of \"Local web administration login\" are based on a product "
                        + "identifier without a key; PSTI Schedule 1 paragraph 1 forbids passwords based on "
                        + "incremental counters, public information or product identifiers unless derived with "
                        + "encryption or a keyed hash (EN 303 645 5.1-2).");
        // A keyed hash over the serial number is what PSTI allows.
        ObjectNode keyed = exampleTree("authentication");
        at(keyed, "/mechanisms/0/password/generation").put("method", "keyed-hash-of-identifier");
        assertFindings("authentication", keyed).isEmpty();
    }

    @Test
    void aUniquePasswordNeedsItsGenerationDescribed() {
        ObjectNode doc = exampleTree("authentication");
        at(doc, "/mechanisms/0/password").remove("generation");
        assertThat(StructuredDeclarationsTests.pointers("authentication", bytes(doc)))
                .containsExactly("/mechanisms/0/password/generation");
    }

    @Test
    void aPasswordUsersCannotChangeIsHigh() {
        ObjectNode doc = exampleTree("authentication");
        at(doc, "/mechanisms/0/password").put("changeable", false);
        assertFindings("authentication", doc)
                .containsExactly(finding(
                        "authentication.password.not-changeable",
                        Severity.HIGH,
                        "/mechanisms/0/password/changeable",
                        Provision.en("5.1-4"),
                        Provision.cra("I.2d")));
    }

    @Test
    void noBruteForceProtectionOverTheNetworkIsHighUnlessAConstraintIsGiven() {
        ObjectNode doc = exampleTree("authentication");
        at(doc, "/mechanisms/0/bruteForceProtection").putArray("methods").add("none");
        assertFindings("authentication", doc)
                .containsExactly(finding(
                        "authentication.brute-force.unprotected",
                        Severity.HIGH,
                        "/mechanisms/0/bruteForceProtection/methods",
                        Provision.en("5.1-5"),
                        Provision.cra("I.2d")));
        at(doc, "/mechanisms/0/bruteForceProtection")
                .put("justification", "The microcontroller cannot keep failure counters across reboots.");
        assertFindings("authentication", doc).isEmpty();
    }

    @Test
    void aNetworkMechanismMustDeclareItsBruteForceProtection() {
        ObjectNode doc = exampleTree("authentication");
        at(doc, "/mechanisms/1").remove("bruteForceProtection");
        assertThat(StructuredDeclarationsTests.pointers("authentication", bytes(doc)))
                .containsExactly("/mechanisms/1/bruteForceProtection");
    }

    @Test
    void machineToMachinePasswordsAreLow() {
        ObjectNode doc = exampleTree("authentication");
        ObjectNode mechanism = at(doc, "/mechanisms/1");
        mechanism.put("factor", "password").put("usesPasswords", true);
        mechanism.putObject("password").put("origin", "unique-per-device").put("changeable", false);
        at(doc, "/mechanisms/1/password")
                .putObject("generation")
                .put("method", "random")
                .put("description", "32 random characters.");
        // Not user-to-device, so "not changeable" is no 5.1-4 finding.
        assertFindings("authentication", doc)
                .containsExactly(finding(
                        "authentication.machine-to-machine.password",
                        Severity.LOW,
                        "/mechanisms/1/usesPasswords",
                        Provision.en("5.1-2A")));
    }

    @Test
    void aPasswordFactorMeansPasswordsAreUsed() {
        ObjectNode doc = exampleTree("authentication");
        at(doc, "/mechanisms/0").put("usesPasswords", false);
        assertThat(StructuredDeclarationsTests.pointers("authentication", bytes(doc)))
                .containsExactly("/mechanisms/0/usesPasswords");
    }

    // --- vulnerability disclosure

    @Test
    void restrictedDisclosureInformationBreachesPstiParagraph2() {
        ObjectNode doc = exampleTree("vulnerability-disclosure");
        at(doc, "/publication").put("inEnglish", false).put("accessibleWithoutAccount", false);
        List<Finding> findings = check("vulnerability-disclosure", doc, CONTEXT);
        assertFindings(findings)
                .containsExactly(
                        finding(
                                "vulnerability-disclosure.publication.restricted",
                                Severity.HIGH,
                                "/publication/inEnglish",
                                Provision.psti("Sch1-P2")),
                        finding(
                                "vulnerability-disclosure.publication.restricted",
                                Severity.HIGH,
                                "/publication/accessibleWithoutAccount",
                                Provision.en("5.2-1"),
                                Provision.psti("Sch1-P2")));
        assertThat(findings.get(0).message())
                .isEqualTo("The published vulnerability disclosure information is not available in English; it "
                        + "must be available to anyone, without prior request, in English, free of charge and "
                        + "without personal information.");
    }

    @Test
    void longAcknowledgementTimelinesAreNotJudged() {
        // The reference sets no maximum (regulations.md §2.3 5.2-1, §4.3 para 2), so none is enforced.
        ObjectNode doc = exampleTree("vulnerability-disclosure");
        doc.put("acknowledgementDays", 180);
        assertFindings("vulnerability-disclosure", doc).isEmpty();
    }

    // --- support period

    @Test
    void anEndedSupportPeriodIsHigh() {
        ObjectNode doc = exampleTree("support-period");
        doc.put("endDate", "2026-01-14");
        List<Finding> findings = check("support-period", doc, CONTEXT);
        assertFindings(findings)
                .containsExactly(finding(
                        "support-period.ended",
                        Severity.HIGH,
                        "/endDate",
                        Provision.en("5.3-13"),
                        Provision.psti("Sch1-P3")));
        assertThat(findings.get(0).message()).startsWith("The declared support period ended on 2026-01-14;");
        // Ending today is not over yet.
        doc.put("endDate", "2026-01-15");
        assertFindings("support-period", doc).isEmpty();
    }

    @Test
    void endingEarlierThanThePublishedPeriodIsAShortening() {
        ObjectNode doc = exampleTree("support-period");
        doc.put("endDate", "2029-06-30");
        AnalysisContext published =
                new AnalysisContext(TODAY, Map.of(), Optional.of(LocalDate.of(2030, 12, 31)), Set.of());
        List<Finding> findings = check("support-period", doc, published);
        assertFindings(findings)
                .containsExactly(finding(
                        "support-period.shortened",
                        Severity.HIGH,
                        "/endDate",
                        Provision.psti("Sch1-P3"),
                        Provision.en("5.3-13")));
        assertThat(findings.get(0).message())
                .isEqualTo("The declared support period ends on 2029-06-30, earlier than the 2030-12-31 published "
                        + "before; PSTI Schedule 1 paragraph 3 forbids shortening a published support period.");
        // Extending is allowed.
        doc.put("endDate", "2032-12-31");
        assertFindings(check("support-period", doc, published)).isEmpty();
    }

    @Test
    void aShortenedPeriodThatHasAlsoEndedGivesBoth() {
        ObjectNode doc = exampleTree("support-period");
        doc.put("endDate", "2025-12-31");
        AnalysisContext published =
                new AnalysisContext(TODAY, Map.of(), Optional.of(LocalDate.of(2030, 12, 31)), Set.of());
        assertThat(check("support-period", doc, published))
                .extracting(Finding::code)
                .containsExactly("support-period.ended", "support-period.shortened");
    }

    @Test
    void restrictedOrTechnicalSupportInformationAndAMissingPurchasePageMentionBreachParagraph3() {
        ObjectNode doc = exampleTree("support-period");
        at(doc, "/publication").put("freeOfCharge", false).put("understandableWithoutTechnicalKnowledge", false);
        doc.put("purchasePage", "not-shown");
        assertFindings("support-period", doc)
                .containsExactly(
                        finding(
                                "support-period.publication.restricted",
                                Severity.HIGH,
                                "/publication/freeOfCharge",
                                Provision.psti("Sch1-P3")),
                        finding(
                                "support-period.publication.restricted",
                                Severity.HIGH,
                                "/publication/understandableWithoutTechnicalKnowledge",
                                Provision.en("5.3-13"),
                                Provision.psti("Sch1-P3")),
                        finding(
                                "support-period.purchase-page.not-shown",
                                Severity.HIGH,
                                "/purchasePage",
                                Provision.psti("Sch1-P3")));
    }

    // --- update mechanism

    @Test
    void unverifiedNetworkUpdatesAreHighAndLocalOnesMedium() {
        ObjectNode doc = exampleTree("update-mechanism");
        at(doc, "/mechanisms/0/authenticity").put("method", "none");
        assertFindings("update-mechanism", doc)
                .containsExactly(finding(
                        "update-mechanism.unverified",
                        Severity.HIGH,
                        "/mechanisms/0/authenticity/method",
                        Provision.en("5.3-9"),
                        Provision.en("5.3-10"),
                        Provision.cra("II.7")));
        at(doc, "/mechanisms/0").put("delivery", "removable-media");
        assertFindings("update-mechanism", doc)
                .containsExactly(finding(
                        "update-mechanism.unverified",
                        Severity.MEDIUM,
                        "/mechanisms/0/authenticity/method",
                        Provision.en("5.3-9"),
                        Provision.cra("I.2f")));
    }

    @Test
    void automaticUpdatesOffByDefaultOrUnsupportedAreLow() {
        ObjectNode doc = exampleTree("update-mechanism");
        at(doc, "/mechanisms/0/automatic").put("enabledByDefault", false);
        assertFindings("update-mechanism", doc)
                .containsExactly(finding(
                        "update-mechanism.automatic.off-by-default",
                        Severity.LOW,
                        "/mechanisms/0/automatic/enabledByDefault",
                        Provision.cra("I.2c")));
        at(doc, "/mechanisms/0").putObject("automatic").put("supported", false);
        assertFindings("update-mechanism", doc)
                .containsExactly(finding(
                        "update-mechanism.automatic.unsupported",
                        Severity.LOW,
                        "/mechanisms",
                        Provision.en("5.3-4A"),
                        Provision.cra("I.2c")));
    }

    @Test
    void aNonUpdatableDeviceIsMediumAndMustGiveItsRationale() {
        ObjectNode doc = exampleTree("update-mechanism");
        doc.removeAll();
        doc.put("updatable", false);
        assertThat(StructuredDeclarationsTests.pointers("update-mechanism", bytes(doc)))
                .containsExactly("/nonUpdatable");
        doc.putObject("nonUpdatable")
                .put("rationale", "Mask ROM firmware.")
                .put("replacementSupport", "Free replacement until 2030-12-31.");
        assertFindings("update-mechanism", doc)
                .containsExactly(finding(
                        "update-mechanism.not-updatable",
                        Severity.MEDIUM,
                        "/updatable",
                        Provision.en("5.3-2"),
                        Provision.cra("I.2c")));
    }

    // --- secure boot

    @Test
    void noSecureBootIsLowAndNeedsAJustification() {
        ObjectNode doc = emptyDocument();
        doc.put("supported", false);
        assertThat(StructuredDeclarationsTests.pointers("secure-boot", bytes(doc)))
                .containsExactly("/justification");
        doc.put("justification", "The microcontroller has no secure boot support.");
        assertFindings("secure-boot", doc)
                .containsExactly(finding(
                        "secure-boot.absent",
                        Severity.LOW,
                        "/supported",
                        Provision.en("5.7-1"),
                        Provision.cra("I.2f")));
    }

    @Test
    void secureBootWithoutAnAlertIsLow() {
        ObjectNode doc = exampleTree("secure-boot");
        at(doc, "/detection").remove("userNotification");
        assertFindings("secure-boot", doc)
                .containsExactly(finding(
                        "secure-boot.no-alert", Severity.LOW, "/detection/userNotification", Provision.en("5.7-2")));
    }

    // --- security parameters

    @Test
    void aHardCodedCriticalSecurityParameterIsCritical() {
        // What trivy-secrets-smartcam.json shows: the cloud client key left in the root file system.
        ObjectNode doc = exampleTree("security-parameters");
        at(doc, "/parameters/0")
                .put("storage", "plaintext-storage")
                .put("perDeviceUnique", false)
                .put("hardCoded", true);
        List<Finding> findings = check("security-parameters", doc, CONTEXT);
        assertFindings(findings)
                .containsExactly(
                        finding(
                                "security-parameters.hard-coded",
                                Severity.CRITICAL,
                                "/parameters/0/hardCoded",
                                Provision.en("5.4-3"),
                                Provision.cra("I.2e")),
                        finding(
                                "security-parameters.shared",
                                Severity.HIGH,
                                "/parameters/0/perDeviceUnique",
                                Provision.en("5.4-4"),
                                Provision.cra("I.2e")),
                        finding(
                                "security-parameters.plaintext",
                                Severity.HIGH,
                                "/parameters/0/storage",
                                Provision.en("5.4-1"),
                                Provision.cra("I.2e")));
        assertThat(findings.get(0).message())
                .isEqualTo("The critical security parameter \"Device client private key\" is hard-coded in the "
                        + "device software, the same for every unit (EN 303 645 5.4-3 forbids it).");
    }

    @Test
    void aHardCodedPublicKeyIsFineAndHardCodedCannotBeUnique() {
        ObjectNode doc = exampleTree("security-parameters");
        // parameters/1 is the hard-coded firmware verification public key of the example: no finding.
        assertFindings("security-parameters", doc).isEmpty();
        at(doc, "/parameters/1").put("perDeviceUnique", true);
        assertThat(StructuredDeclarationsTests.pointers("security-parameters", bytes(doc)))
                .containsExactly("/parameters/1/perDeviceUnique");
    }

    // --- interfaces

    @Test
    void anEnabledInterfaceWithoutJustificationIsMedium() {
        ObjectNode doc = exampleTree("interfaces");
        at(doc, "/interfaces/0").remove("justification");
        at(doc, "/interfaces/2").remove("justification");
        List<Finding> findings = check("interfaces", doc, CONTEXT);
        assertFindings(findings)
                .containsExactly(
                        finding(
                                "interfaces.unjustified",
                                Severity.MEDIUM,
                                "/interfaces/0/justification",
                                Provision.en("5.6-1"),
                                Provision.cra("I.2j")),
                        finding(
                                "interfaces.unjustified",
                                Severity.MEDIUM,
                                "/interfaces/2/justification",
                                Provision.en("5.6-3"),
                                Provision.cra("I.2j")));
        assertThat(findings.get(0).message())
                .isEqualTo("The interface \"Local HTTPS API and configuration pages\" (18443/tcp) is enabled by "
                        + "default without a justification; every enabled interface must be needed for the intended"
                        + " use (EN 303 645 5.6-1).");
        // Disabled interfaces need no justification.
        at(doc, "/interfaces/0").put("enabledByDefault", false);
        at(doc, "/interfaces/2").put("enabledByDefault", false);
        assertFindings("interfaces", doc).isEmpty();
    }

    @Test
    void anOpenDebugPortIsHigh() {
        ObjectNode doc = exampleTree("interfaces");
        at(doc, "/interfaces/3")
                .put("enabledByDefault", true)
                .put("authenticationRequired", false)
                .put("justification", "Field diagnostics.");
        assertFindings("interfaces", doc)
                .containsExactly(finding(
                        "interfaces.debug.exposed",
                        Severity.HIGH,
                        "/interfaces/3/enabledByDefault",
                        Provision.en("5.6-4A"),
                        Provision.cra("I.2j")));
    }

    @Test
    void unauthenticatedConfigurationOverTheNetworkIsHigh() {
        ObjectNode doc = exampleTree("interfaces");
        at(doc, "/interfaces/0").put("authenticationRequired", false);
        assertFindings("interfaces", doc)
                .containsExactly(finding(
                        "interfaces.configuration.unauthenticated",
                        Severity.HIGH,
                        "/interfaces/0/authenticationRequired",
                        Provision.en("5.5-5"),
                        Provision.cra("I.2d")));
    }

    @Test
    void declaredFactsKeepEnabledNetworkInterfacesKeyedByPortAndProtocol() {
        ObjectNode doc = exampleTree("interfaces");
        ((ArrayNode) doc.get("interfaces"))
                .addObject()
                .put("type", "network")
                .put("name", "mDNS")
                .put("port", 5353)
                .put("protocol", "udp")
                .put("service", "mdns")
                .put("purpose", "Lets the app find the camera.")
                .put("enabledByDefault", true);
        ((ArrayNode) doc.get("interfaces"))
                .addObject()
                .put("type", "network")
                .put("name", "Telnet")
                .put("port", 12323)
                .put("protocol", "tcp")
                .put("purpose", "Factory test shell.")
                .put("enabledByDefault", false);
        Validated validated = DECLARATIONS.validate("interfaces", bytes(doc));
        assertThat(DeclaredFacts.interfaces(validated))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "18443/tcp",
                        new DeclaredInterface(
                                18443,
                                "tcp",
                                "The mobile app and a browser on the home network configure the camera and view the"
                                        + " live stream.",
                                "Needed for set-up and local viewing without the cloud."),
                        "5353/udp",
                        new DeclaredInterface(5353, "udp", "Lets the app find the camera.", "")));
        AnalysisContext context =
                new AnalysisContext(TODAY, DeclaredFacts.interfaces(validated), Optional.empty(), Set.of());
        assertThat(context.declared(18443, "TCP")).isPresent();
        assertThat(context.declared(12323, "tcp")).isEmpty();
    }

    @Test
    void declaredFactsReadTheSupportEndAndRefuseOtherKinds() {
        Validated support = DECLARATIONS.validate("support-period", example("support-period"));
        assertThat(DeclaredFacts.supportEnd(support)).contains(LocalDate.of(2030, 12, 31));
        assertThatThrownBy(() -> DeclaredFacts.interfaces(support))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Expected a interfaces declaration, got support-period");
    }

    // --- secure communication

    @Test
    void unencryptedChannelsCarryingKeysOrPersonalDataAreFlagged() {
        ObjectNode doc = exampleTree("secure-communication");
        ObjectNode channel = at(doc, "/channels/1");
        channel.putArray("guarantees");
        channel.putArray("carries")
                .add("critical-security-parameters")
                .add("sensitive-personal-data")
                .add("personal-data");
        assertFindings("secure-communication", doc)
                .containsExactly(
                        finding(
                                "secure-communication.csp.unencrypted",
                                Severity.HIGH,
                                "/channels/1/guarantees",
                                Provision.en("5.5-7"),
                                Provision.cra("I.2e")),
                        finding(
                                "secure-communication.sensitive-personal-data.unencrypted",
                                Severity.HIGH,
                                "/channels/1/guarantees",
                                Provision.en("5.8-2"),
                                Provision.cra("I.2e")),
                        finding(
                                "secure-communication.personal-data.unencrypted",
                                Severity.MEDIUM,
                                "/channels/1/guarantees",
                                Provision.en("5.8-1"),
                                Provision.cra("I.2e")),
                        finding(
                                "secure-communication.integrity.missing",
                                Severity.MEDIUM,
                                "/channels/1/guarantees",
                                Provision.en("5.5-1"),
                                Provision.cra("I.2f")));
    }

    @Test
    void commandsWithoutAuthenticityAreMedium() {
        ObjectNode doc = exampleTree("secure-communication");
        at(doc, "/channels/0").putArray("guarantees").add("confidentiality").add("integrity");
        assertFindings("secure-communication", doc)
                .containsExactly(finding(
                        "secure-communication.integrity.missing",
                        Severity.MEDIUM,
                        "/channels/0/guarantees",
                        Provision.en("5.5-1"),
                        Provision.cra("I.2f")));
    }

    // --- personal data, telemetry, deletion, resilience

    @Test
    void anUndocumentedSensorIsMedium() {
        ObjectNode doc = exampleTree("personal-data");
        at(doc, "/externalSensors/1").remove("documentedAt");
        List<Finding> findings = check("personal-data", doc, CONTEXT);
        assertFindings(findings)
                .containsExactly(finding(
                        "personal-data.sensor.undocumented",
                        Severity.MEDIUM,
                        "/externalSensors/1/documentedAt",
                        Provision.en("5.8-3")));
        assertThat(findings.get(0).message()).contains("microphone");
    }

    @Test
    void consentBasedProcessingMustSayHowConsentIsObtainedWithdrawnAndStored() {
        ObjectNode doc = exampleTree("personal-data");
        at(doc, "/categories/1").remove("consent");
        at(doc, "/categories/0").put("basedOnConsent", true);
        assertThat(StructuredDeclarationsTests.pointers("personal-data", bytes(doc)))
                .containsExactly("/categories/0/consent", "/categories/1/consent");
        ObjectNode none = emptyDocument();
        none.put("processesPersonalData", true);
        assertThat(StructuredDeclarationsTests.pointers("personal-data", bytes(none)))
                .containsExactly("/categories", "/privacyNoticeUrl");
    }

    @Test
    void undisclosedOrUnexaminedTelemetry() {
        ObjectNode doc = exampleTree("telemetry");
        doc.remove("disclosedAt");
        doc.remove("securityExamination");
        assertFindings("telemetry", doc)
                .containsExactly(
                        finding("telemetry.undisclosed", Severity.MEDIUM, "/disclosedAt", Provision.en("6-5")),
                        finding(
                                "telemetry.not-examined",
                                Severity.LOW,
                                "/securityExamination",
                                Provision.en("5.10-1"),
                                Provision.cra("I.2l")));
        ObjectNode none = emptyDocument();
        none.put("collected", false);
        assertFindings("telemetry", none).isEmpty();
    }

    @Test
    void deletionOnlyInTheCloudWithoutConfirmationOrInstructions() {
        ObjectNode doc = exampleTree("deletion");
        ((ArrayNode) doc.get("functions")).remove(0);
        at(doc, "/functions/0").remove("confirmation");
        doc.remove("instructionsUrl");
        assertFindings("deletion", doc)
                .containsExactly(
                        finding(
                                "deletion.confirmation.missing",
                                Severity.LOW,
                                "/functions/0/confirmation",
                                Provision.en("5.11-4")),
                        finding(
                                "deletion.device.missing",
                                Severity.HIGH,
                                "/functions",
                                Provision.en("5.11-1"),
                                Provision.cra("I.2m")),
                        finding(
                                "deletion.instructions.missing",
                                Severity.LOW,
                                "/instructionsUrl",
                                Provision.en("5.11-3")));
    }

    @Test
    void resilienceWithoutOutageMechanisms() {
        ObjectNode doc = exampleTree("resilience");
        ((ArrayNode) doc.get("mechanisms")).remove(1);
        ((ArrayNode) doc.get("mechanisms")).remove(0);
        assertFindings("resilience", doc)
                .containsExactly(
                        finding(
                                "resilience.network-outage.missing",
                                Severity.LOW,
                                "/mechanisms",
                                Provision.en("5.9-1"),
                                Provision.en("5.9-2"),
                                Provision.cra("I.2h")),
                        finding(
                                "resilience.power-outage.missing",
                                Severity.LOW,
                                "/mechanisms",
                                Provision.en("5.9-1"),
                                Provision.en("5.9-2"),
                                Provision.cra("I.2h")));
    }
}
