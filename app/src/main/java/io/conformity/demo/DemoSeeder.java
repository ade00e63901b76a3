package io.conformity.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.conformity.assessment.AssessmentApi;
import io.conformity.assessment.AssessmentView;
import io.conformity.assessment.OpenAssessmentCommand;
import io.conformity.assessment.RequirementAssessmentView;
import io.conformity.evidence.EvidenceApi;
import io.conformity.identity.CreateUserCommand;
import io.conformity.identity.IdentityApi;
import io.conformity.identity.Role;
import io.conformity.product.AnnexItem;
import io.conformity.product.CraCategory;
import io.conformity.product.CreateManufacturerCommand;
import io.conformity.product.CreateProductCommand;
import io.conformity.product.CreateReleaseCommand;
import io.conformity.product.ManufacturerView;
import io.conformity.product.Party;
import io.conformity.product.ProductApi;
import io.conformity.product.ProductView;
import io.conformity.product.ProfileCommand;
import io.conformity.product.ReleaseView;

/**
 * Seeds one sample certification: a smart camera, a PSTI assessment, and real tool outputs (nmap, testssl.sh,
 * Trivy, security.txt) attached to the matching requirements, plus three demo people whose passwords are
 * generated now and printed once. Runs only once per database.
 */
@Component
@ConditionalOnProperty(name = "conformity.demo.enabled", havingValue = "true")
class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    static final String ENGINEER = "demo-engineer";

    /** Sample file → (principle, requirement id) it is evidence for. */
    private static final Map<String, String> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put("security.txt", "5.2-1");
        SAMPLES.put("nmap-smartcam.xml", "6");
        SAMPLES.put("testssl-tls12-selfsigned.json", "5");
        SAMPLES.put("sslscan-legacy-weak.xml", "5");
        SAMPLES.put("sbom-smartcam-rootfs.cdx.json", "3");
        SAMPLES.put("trivy-secrets-smartcam.json", "4");
        SAMPLES.put("spdx-smartcam-cloud-bridge.spdx.json", "3");
        SAMPLES.put("eslint-smartcam-update.sarif", "13");
    }

    /** Structured declaration kind → requirement id it is given for (the camera's examples in evidence-schema). */
    private static final Map<String, String> DECLARATIONS = new LinkedHashMap<>();

    static {
        DECLARATIONS.put("authentication", "5.1-1");
        DECLARATIONS.put("vulnerability-disclosure", "5.2-1");
        DECLARATIONS.put("support-period", "5.3-13");
        DECLARATIONS.put("interfaces", "6");
    }

    private final IdentityApi identity;
    private final ProductApi products;
    private final AssessmentApi assessments;
    private final EvidenceApi evidence;
    private final SecureRandom random = new SecureRandom();

    DemoSeeder(IdentityApi identity, ProductApi products, AssessmentApi assessments, EvidenceApi evidence) {
        this.identity = identity;
        this.products = products;
        this.assessments = assessments;
        this.evidence = evidence;
    }

    // After FirstAdministrator, so a fresh installation still gets its administrator or setup link.
    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    @Transactional
    public void seed() {
        if (identity.user(ENGINEER).isPresent()) {
            log.info("Demo data already present; not seeding again.");
            return;
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put(ENGINEER, person(ENGINEER, "Dana Engineer", "Firmware test engineer", Role.ENGINEER));
        passwords.put(
                "demo-officer", person("demo-officer", "Olu Officer", "Compliance officer", Role.COMPLIANCE_OFFICER));
        passwords.put(
                "demo-signatory", person("demo-signatory", "Sasha Signatory", "Managing Director", Role.SIGNATORY));

        ManufacturerView manufacturer = products.createManufacturer(new CreateManufacturerCommand(
                "Example Smart Home Ltd",
                "1 Sensor Street\nLondon EC1A 1AA\nUnited Kingdom",
                List.of(new Party("Example Smart Home EU B.V.", "Keizersgracht 1\n1015 CJ Amsterdam\nNetherlands"))));
        ProductView product = products.createProduct(new CreateProductCommand(
                manufacturer.id(),
                "SC-100",
                "SmartCam SC-100 indoor security camera",
                LocalDate.now().plusYears(5),
                "https://example-smarthome.test/support/sc-100",
                // A security camera is a smart-home product with security functions: CRA Annex III, class I.
                CraCategory.IMPORTANT_CLASS_I,
                new AnnexItem(
                        null,
                        "Smart home products with security functionalities, including smart door locks, security"
                                + " cameras, baby monitoring systems and alarm systems"),
                LocalDate.now().minusMonths(2)));
        // Engineers, officers and signatories see only the products they are members of.
        passwords.keySet().forEach(username -> products.addMember(product.id(), username));
        ReleaseView release = products.createRelease(product.id(), new CreateReleaseCommand("1.4.2", "B2026-11"));
        // The camera uses per-device passwords, is updatable over the network and has no exposed debug port.
        products.saveProfile(
                product.id(),
                "V2.1.1",
                new ProfileCommand(
                        Map.ofEntries(
                                Map.entry("1", true),
                                Map.entry("2", true),
                                Map.entry("3", false),
                                Map.entry("4", false),
                                Map.entry("6", true),
                                Map.entry("7", true),
                                Map.entry("8", true),
                                Map.entry("9", true),
                                Map.entry("10", true),
                                Map.entry("11", true),
                                Map.entry("12", true),
                                Map.entry("13", false)),
                        Map.of()),
                "demo-officer");
        AssessmentView assessment =
                assessments.open(new OpenAssessmentCommand(release.id(), List.of("PSTI"), null), "demo-officer");
        // The officer confirms the scope as computed, the process's first step: evidence waits for it.
        assessments.confirmScope(assessment.id(), List.of(), "demo-officer");
        assessment = assessments.assessment(assessment.id());
        // The manufacturer's own statements first: the tool outputs are checked against them.
        for (Map.Entry<String, String> declaration : DECLARATIONS.entrySet()) {
            RequirementAssessmentView requirement = assessment.requirements().stream()
                    .filter(r -> r.requirementId().equals(declaration.getValue()))
                    .findFirst()
                    .orElseThrow();
            try (InputStream in = new ClassPathResource(
                            "conformity/evidence-schema/evidence/examples/" + declaration.getKey() + ".json")
                    .getInputStream()) {
                evidence.declare(requirement.id(), declaration.getKey(), in.readAllBytes(), ENGINEER);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Map.Entry<String, String> sample : SAMPLES.entrySet()) {
            RequirementAssessmentView requirement = assessment.requirements().stream()
                    .filter(r -> r.requirementId().equals(sample.getValue()))
                    .findFirst()
                    .orElseThrow();
            try (InputStream in = new ClassPathResource("demo/samples/" + sample.getKey()).getInputStream()) {
                evidence.upload(requirement.id(), sample.getKey(), in, ENGINEER);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        StringBuilder people = new StringBuilder();
        passwords.forEach((user, password) ->
                people.append("\n    ").append(user).append(" / ").append(password));
        log.warn("""

                Demo data seeded: product SmartCam SC-100, release 1.4.2, PSTI assessment {} with sample evidence.
                Demo accounts (passwords shown this once; they are stored hashed):{}""", assessment.id(), people);
    }

    private String person(String username, String name, String function, Role role) {
        byte[] raw = new byte[18];
        random.nextBytes(raw);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        identity.createUser(new CreateUserCommand(username, name, function, List.of(role), password));
        return password;
    }
}
