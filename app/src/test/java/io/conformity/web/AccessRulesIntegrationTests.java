package io.conformity.web;

import static io.conformity.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.identity.Role;
import io.conformity.notification.Notice;
import io.conformity.notification.NotificationApi;
import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ApiClient.Response;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.CraFixtures;
import io.conformity.support.Fixtures;

/**
 * The access rules, operation by operation: for every operation of the API, a member of another product with the
 * right role gets 404 (as for an id that does not exist), a caller with the wrong role gets 403, and the right
 * member succeeds. The table is checked against the OpenAPI description, so a new operation without a rule fails
 * here until it gets one (or a reasoned place among the operations that touch no product's records).
 */
@ConformityIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesIntegrationTests {

    /** Operations that touch no product's records, and why each is outside the table. */
    static final Map<String, String> NOT_PRODUCT_RECORDS = Map.of(
            "POST /api/v1/setup", "public: the one-time link that creates the first administrator",
            "POST /api/v1/verify", "public: anyone holding a declaration PDF may check it",
            "GET /api/v1/register/{id}", "public: where a declaration's printed URL and QR code lead",
            "GET /api/v1/users/me", "self-service: the caller's own account, whatever their roles",
            "GET /api/v1/catalog/frameworks", "reference data: the published standards, no product's records",
            "GET /api/v1/catalog/regimes", "reference data: the regimes, no product's records",
            "GET /api/v1/catalog/regimes/{code}", "reference data: one regime, no product's records",
            "GET /api/v1/declaration-kinds", "reference data: the structured declaration kinds",
            "GET /api/v1/declaration-kinds/{kind}/schema", "reference data: a kind's published JSON Schema");

    /**
     * Path prefixes outside the table: the caller's own account ({@code /users/me/...}: password, API tokens) and the
     * administrators' audit trail, which concern no product and are tested by their own classes.
     */
    static final Map<String, String> NOT_PRODUCT_PREFIXES = Map.of(
            "/api/v1/users/me/", "self-service on the caller's own account (password, API tokens)",
            "/api/v1/audit", "the administrators' audit trail, tested with the audit module");

    @LocalServerPort
    int port;

    @Autowired
    NotificationApi notifications;

    ApiClient api;
    Fixtures fixtures;
    Credentials admin;
    Credentials officerA;
    Credentials engineerA;
    Credentials signatoryA;
    Credentials adminSignatoryA;
    Credentials officerB;
    Credentials engineerB;
    Credentials signatoryB;
    Credentials regulator;
    Credentials newcomer;
    String productA;
    String releaseA;
    String spareReleaseA;
    String assessmentA;
    String productB;
    String declarationA;
    String evidenceA;
    List<Rule> rules;

    @BeforeAll
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        admin = fixtures.admin();
        officerA = fixtures.user("offa", "Ada Officer", "Officer", "COMPLIANCE_OFFICER");
        engineerA = fixtures.user("enga", "Abe Engineer", "Engineer", "ENGINEER");
        signatoryA = fixtures.user("siga", "Ava Signatory", "Director", "SIGNATORY");
        adminSignatoryA = fixtures.user("adsa", "Al Admin", "Director", "ADMIN", "SIGNATORY");
        officerB = fixtures.user("offb", "Bea Officer", "Officer", "COMPLIANCE_OFFICER");
        engineerB = fixtures.user("engb", "Ben Engineer", "Engineer", "ENGINEER");
        signatoryB = fixtures.user("sigb", "Bo Signatory", "Director", "SIGNATORY");
        regulator = fixtures.user("reg", "Rita Regulator", "Inspector", "REGULATOR");
        newcomer = fixtures.user("new", "Nia Newcomer", "Engineer", "ENGINEER");

        releaseA = fixtures.release(officerA, "Alpha Devices", "A-" + tag());
        fixtures.members(releaseA, engineerA, signatoryA, adminSignatoryA);
        productA = productOf(releaseA);
        spareReleaseA = fixtures.newRelease(officerA, productA);
        assessmentA = fixtures.openAssessment(officerA, releaseA).get("id").asText();

        String releaseB = fixtures.release(officerB, "Beta Devices", "B-" + tag());
        fixtures.members(releaseB, engineerB, signatoryB);
        productB = productOf(releaseB);
        fixtures.openAssessment(officerB, releaseB);
        rules = rules();
    }

    @Test
    void theCreatorOfAProductIsItsFirstMember() {
        assertThat(api.get(officerA, "/api/v1/products/" + productA + "/members")
                        .expect(200)
                        .json()
                        .findValuesAsText("username"))
                .contains(officerA.username(), engineerA.username(), signatoryA.username())
                .doesNotContain(officerB.username(), engineerB.username());
    }

    @Test
    void membershipOfAnUnknownUserOrProductIsRefused() {
        assertProblem(api.put(admin, "/api/v1/products/" + productA + "/members/nobody-" + tag(), null), 404);
        assertProblem(
                api.put(admin, "/api/v1/products/" + UUID.randomUUID() + "/members/" + engineerA.username(), null),
                404);
        assertProblem(api.delete(admin, "/api/v1/products/" + productA + "/members/" + engineerB.username()), 404);
        // Adding a member twice changes nothing.
        api.put(admin, "/api/v1/products/" + productA + "/members/" + engineerA.username(), null)
                .expect(200);
    }

    @Test
    void listsShowOnlyTheCallersProductsWithTotalsToMatch() {
        JsonNode ofA =
                api.get(engineerA, "/api/v1/assessments?size=100").expect(200).json();
        assertThat(ofA.findValuesAsText("id")).contains(assessmentA);
        assertThat(ofA.get("page").get("totalElements").asInt())
                .isEqualTo(ofA.get("content").size());
        JsonNode products =
                api.get(engineerB, "/api/v1/products?size=100").expect(200).json();
        assertThat(products.get("content").findValuesAsText("id")).containsExactly(productB);
        assertThat(products.get("page").get("totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void everyOperationIsInTheTable() {
        JsonNode openApi = api.get(null, "/v3/api-docs").expect(200).json();
        Set<String> documented = new TreeSet<>();
        openApi.get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        Set<String> tabled = new TreeSet<>();
        rules.forEach(rule -> tabled.add(rule.operation()));
        Set<String> missing = new TreeSet<>();
        for (String operation : documented) {
            String path = operation.substring(operation.indexOf(' ') + 1);
            boolean outside = NOT_PRODUCT_RECORDS.containsKey(operation)
                    || NOT_PRODUCT_PREFIXES.keySet().stream().anyMatch(path::startsWith);
            if (path.startsWith("/api/v1/") && !outside && !tabled.contains(operation)) {
                missing.add(operation);
            }
        }
        assertThat(missing)
                .as("API operations without an access rule in the table")
                .isEmpty();
        Set<String> stale = new TreeSet<>(tabled);
        stale.removeAll(documented);
        assertThat(stale).as("table rows for operations the API no longer has").isEmpty();
    }

    /**
     * Runs the table in order (later rows build on what earlier rows' successful calls did: a principle submitted,
     * then reviewed, then the declaration approved and issued) and reports every broken rule at once.
     */
    @Test
    void everyOperationKeepsItsRules() {
        List<String> broken = new ArrayList<>();
        for (Rule rule : rules) {
            rule.before().run();
            if (rule.otherMember() != null) {
                check(broken, rule, "member of another product", rule.otherMember(), rule.otherExpected());
            }
            for (Credentials wrong : rule.wrongRoles()) {
                check(broken, rule, "wrong role", wrong, Expect.status(403));
            }
            check(broken, rule, "right member", rule.right(), rule.success());
        }
        assertThat(broken).as("broken access rules").isEmpty();
    }

    private void check(List<String> broken, Rule rule, String who, Credentials caller, Expect expected) {
        Response response = rule.call().apply(caller);
        if (!expected.test().test(response)) {
            broken.add(rule.operation() + " as " + who + " (" + caller.username() + "): expected " + expected.what()
                    + ", got " + response.status() + " " + abbreviated(response.text()));
        }
    }

    private List<Rule> rules() {
        Rules table = new Rules();
        // Shared data, not any one product's: who may use them at all.
        table.global(
                "POST /api/v1/manufacturers",
                officerA,
                List.of(engineerA, admin),
                who -> api.post(
                        who, "/api/v1/manufacturers", Map.of("name", "Gamma Ltd", "address", "1 Road, Leeds LS1 1AA")));
        table.global(
                "GET /api/v1/manufacturers",
                engineerA,
                List.of(regulator),
                who -> api.get(who, "/api/v1/manufacturers"));
        table.global(
                "GET /api/v1/manufacturers/{id}",
                signatoryA,
                List.of(regulator),
                who -> api.get(who, "/api/v1/manufacturers/" + manufacturerOf(productA)));
        table.global(
                "POST /api/v1/products",
                officerA,
                List.of(engineerA, admin),
                who -> api.post(
                        who,
                        "/api/v1/products",
                        Map.of(
                                "manufacturerId",
                                manufacturerOf(productA),
                                "modelDesignation",
                                "A-NEW-" + tag(),
                                "productType",
                                "smart plug",
                                "supportPeriodEnd",
                                "2030-06-30")));
        // Administration.
        table.global(
                "POST /api/v1/users",
                admin,
                List.of(officerA, signatoryA),
                who -> api.post(
                        who,
                        "/api/v1/users",
                        Map.of(
                                "username",
                                "u-" + tag(),
                                "displayName",
                                "U Ser",
                                "roles",
                                List.of("ENGINEER"),
                                "password",
                                "pw-" + UUID.randomUUID())));
        table.global("GET /api/v1/users", admin, List.of(officerA), who -> api.get(who, "/api/v1/users"));
        table.global(
                "GET /api/v1/users/{username}",
                admin,
                List.of(officerA),
                who -> api.get(who, "/api/v1/users/" + engineerA.username()));
        Credentials bystander = fixtures.user("bystander", "By Stander", "Engineer", "ENGINEER");
        table.global(
                "PUT /api/v1/users/{username}/password",
                admin,
                List.of(officerA, signatoryA),
                who -> api.put(
                        who,
                        "/api/v1/users/" + bystander.username() + "/password",
                        Map.of("temporaryPassword", "tmp-" + UUID.randomUUID())));
        table.global(
                "PUT /api/v1/users/{username}/roles",
                admin,
                List.of(officerA, signatoryA),
                who -> api.put(
                        who, "/api/v1/users/" + bystander.username() + "/roles", Map.of("roles", List.of("ENGINEER"))));
        table.global(
                "POST /api/v1/admin/storage-verifications",
                admin,
                List.of(officerA, regulator),
                who -> api.post(who, "/api/v1/admin/storage-verifications", Map.of()));
        table.global(
                "GET /api/v1/admin/issuance-incidents",
                admin,
                List.of(officerA),
                who -> api.get(who, "/api/v1/admin/issuance-incidents"));
        // An administrator passes the role check and is told there is no such incident; making one is the work of
        // AsyncIssuanceIntegrationTests.
        table.add(new Rule(
                "POST /api/v1/admin/issuance-incidents/{id}/retry",
                admin,
                null,
                null,
                List.of(officerA),
                who -> api.post(who, "/api/v1/admin/issuance-incidents/no-such-incident/retry", null),
                Expect.status(404),
                () -> {}));

        // Product A's records.
        table.product(
                "GET /api/v1/products",
                engineerA,
                null,
                List.of(regulator),
                who -> api.get(who, "/api/v1/products?size=100"));
        table.last(listWithout(productA), listWith(productA), officerB);
        table.product(
                "GET /api/v1/products/{id}",
                engineerA,
                engineerB,
                List.of(regulator),
                who -> api.get(who, "/api/v1/products/" + productA));
        table.product(
                "PUT /api/v1/products/{productId}/cra-category",
                officerA,
                officerB,
                List.of(engineerA, signatoryA, admin),
                who -> api.put(
                        who, "/api/v1/products/" + productA + "/cra-category", Map.of("craCategory", "DEFAULT")));
        table.product(
                "PUT /api/v1/products/{productId}/support-period",
                officerA,
                officerB,
                List.of(engineerA, admin),
                who -> api.put(
                        who,
                        "/api/v1/products/" + productA + "/support-period",
                        Map.of("supportPeriodEnd", "2031-06-30")));
        table.product(
                "POST /api/v1/products/{productId}/releases",
                officerA,
                officerB,
                List.of(engineerA, admin),
                who -> api.post(
                        who,
                        "/api/v1/products/" + productA + "/releases",
                        Map.of("firmwareVersion", "9." + tag(), "batch", "B9")));
        table.product(
                "GET /api/v1/products/{productId}/releases",
                signatoryA,
                signatoryB,
                List.of(regulator),
                who -> api.get(who, "/api/v1/products/" + productA + "/releases"));
        table.product(
                "PUT /api/v1/products/{productId}/profiles/{version}",
                officerA,
                officerB,
                List.of(engineerA, admin),
                who -> api.put(who, "/api/v1/products/" + productA + "/profiles/V2.1.1", Fixtures.v211Profile()));
        table.product(
                "GET /api/v1/products/{productId}/profiles/{version}",
                engineerA,
                engineerB,
                List.of(regulator),
                who -> api.get(who, "/api/v1/products/" + productA + "/profiles/V2.1.1"));
        table.product(
                "GET /api/v1/releases/{id}",
                engineerA,
                engineerB,
                List.of(regulator),
                who -> api.get(who, "/api/v1/releases/" + releaseA));
        table.product(
                "GET /api/v1/products/{productId}/members",
                signatoryA,
                signatoryB,
                List.of(regulator),
                who -> api.get(who, "/api/v1/products/" + productA + "/members"));
        // Membership is the administrators' alone: no member of any product manages it.
        table.global(
                "PUT /api/v1/products/{productId}/members/{username}",
                admin,
                List.of(officerA, officerB, signatoryA),
                who -> api.put(who, "/api/v1/products/" + productA + "/members/" + newcomer.username(), null));
        table.global(
                "DELETE /api/v1/products/{productId}/members/{username}",
                admin,
                List.of(officerA, officerB),
                who -> api.delete(who, "/api/v1/products/" + productA + "/members/" + newcomer.username()));

        // Notifications: everyone signed in has an inbox, whatever their roles; another user's notification is
        // unknown to the caller.
        table.global("GET /api/v1/notifications", engineerA, List.of(), who -> api.get(who, "/api/v1/notifications"));
        String[] notificationA = new String[1];
        table.add(new Rule(
                "POST /api/v1/notifications/{id}/read",
                engineerA,
                engineerB,
                Expect.status(404),
                List.of(),
                who -> api.post(who, "/api/v1/notifications/" + notificationA[0] + "/read", null),
                Expect.success(),
                () -> {
                    // To product A's engineers; engineer A's own is the one read.
                    notifications.send(
                            Set.of(Role.ENGINEER),
                            new Notice(UUID.fromString(productA), "Access rules", "A notice", null));
                    notificationA[0] = api
                            .get(engineerA, "/api/v1/notifications?size=100")
                            .expect(200)
                            .json()
                            .get("content")
                            .findParents("subject")
                            .stream()
                            .filter(n -> n.get("subject").asText().equals("Access rules"))
                            .findFirst()
                            .orElseThrow()
                            .get("id")
                            .asText();
                }));

        // Assessments.
        table.product(
                "POST /api/v1/assessments",
                officerA,
                officerB,
                List.of(engineerA, signatoryA, admin),
                who -> api.post(
                        who, "/api/v1/assessments", Map.of("releaseId", spareReleaseA, "regimes", List.of("PSTI"))));
        // Closes the assessment the row above opened on the spare release.
        table.product(
                "POST /api/v1/assessments/{id}/closure",
                officerA,
                officerB,
                List.of(engineerA, signatoryA, adminSignatoryA, regulator),
                who -> api.post(
                        who,
                        "/api/v1/assessments/" + spareAssessment() + "/closure",
                        Map.of("reason", "The bootloader cannot be updated in the field.")));
        table.product(
                "GET /api/v1/assessments",
                engineerA,
                null,
                List.of(regulator),
                who -> api.get(who, "/api/v1/assessments?size=100&productId=" + productA));
        table.last(emptyPage(), listWith(assessmentA), engineerB);
        table.product(
                "GET /api/v1/assessments/{id}",
                signatoryA,
                signatoryB,
                List.of(regulator),
                who -> api.get(who, "/api/v1/assessments/" + assessmentA));
        table.product(
                "GET /api/v1/requirement-assessments/{id}",
                engineerA,
                engineerB,
                List.of(regulator),
                who -> api.get(who, "/api/v1/requirement-assessments/" + requirementOf("1")));
        table.product(
                "PUT /api/v1/requirement-assessments/{id}/no-evidence-statement",
                engineerA,
                engineerB,
                List.of(officerA, regulator),
                who -> api.put(
                        who,
                        "/api/v1/requirement-assessments/" + requirementOf("1") + "/no-evidence-statement",
                        Map.of("statement", "Covered by the design documentation.")));
        table.product(
                "DELETE /api/v1/requirement-assessments/{id}/no-evidence-statement",
                engineerA,
                engineerB,
                List.of(officerA, regulator),
                who -> api.delete(
                        who, "/api/v1/requirement-assessments/" + requirementOf("1") + "/no-evidence-statement"));
        // A PSTI assessment takes no conformity route and has no ICS: the member passes the access rules and meets
        // the assessment's own rule (409), where the others were stopped before it.
        table.product(
                "PUT /api/v1/assessments/{id}/conformity-route",
                officerA,
                officerB,
                List.of(engineerA, admin),
                who -> api.put(
                        who, "/api/v1/assessments/" + assessmentA + "/conformity-route", CraFixtures.modulesBC()));
        table.last(Expect.status(409));
        table.product(
                "GET /api/v1/assessments/{id}/ics",
                officerA,
                officerB,
                List.of(regulator),
                who -> api.get(who, "/api/v1/assessments/" + assessmentA + "/ics?format=json"));
        table.last(Expect.status(409));
        table.product(
                "POST /api/v1/assessments/{id}/ics",
                officerA,
                officerB,
                List.of(engineerA, admin),
                who -> api.send(
                        who,
                        HttpMethod.POST,
                        "/api/v1/assessments/" + assessmentA + "/ics",
                        "provision,support\n".getBytes(StandardCharsets.UTF_8),
                        MediaType.parseMediaType("text/csv")));
        table.last(Expect.status(409));

        // Evidence.
        table.product(
                "POST /api/v1/requirement-assessments/{id}/evidence",
                engineerA,
                engineerB,
                List.of(officerA, signatoryA, regulator),
                who -> api.upload(
                        who,
                        "/api/v1/requirement-assessments/" + requirementOf("2") + "/evidence",
                        "policy.txt",
                        ("Contact: mailto:security@example.test " + tag()).getBytes(StandardCharsets.UTF_8)));
        table.product(
                "PUT /api/v1/requirement-assessments/{id}/evidence/{fileName}",
                engineerA,
                engineerB,
                List.of(officerA, regulator),
                who -> api.send(
                        who,
                        HttpMethod.PUT,
                        "/api/v1/requirement-assessments/" + requirementOf("2") + "/evidence/notes.txt",
                        ("Pipeline notes " + tag()).getBytes(StandardCharsets.UTF_8),
                        MediaType.APPLICATION_OCTET_STREAM));
        table.product(
                "POST /api/v1/requirement-assessments/{id}/declarations/{kind}",
                engineerA,
                engineerB,
                List.of(officerA, regulator),
                who -> api.send(
                        who,
                        HttpMethod.POST,
                        "/api/v1/requirement-assessments/" + requirementOf("3") + "/declarations/support-period",
                        SUPPORT_PERIOD.getBytes(StandardCharsets.UTF_8),
                        MediaType.APPLICATION_JSON));
        table.product(
                "GET /api/v1/requirement-assessments/{id}/evidence",
                engineerA,
                engineerB,
                List.of(regulator),
                who -> api.get(who, "/api/v1/requirement-assessments/" + requirementOf("2") + "/evidence"));
        table.product(
                "GET /api/v1/assessments/{assessmentId}/evidence",
                officerA,
                officerB,
                List.of(regulator),
                who -> api.get(who, "/api/v1/assessments/" + assessmentA + "/evidence"));
        table.product(
                "GET /api/v1/assessments/{assessmentId}/findings",
                officerA,
                officerB,
                List.of(regulator),
                who -> api.get(who, "/api/v1/assessments/" + assessmentA + "/findings"));
        table.product(
                "GET /api/v1/assessments/{assessmentId}/components",
                officerA,
                officerB,
                List.of(regulator),
                who -> api.get(who, "/api/v1/assessments/" + assessmentA + "/components"));
        table.product(
                "GET /api/v1/evidence/{id}",
                signatoryA,
                signatoryB,
                List.of(regulator),
                who -> api.get(who, "/api/v1/evidence/" + evidenceOfA()));
        table.product(
                "GET /api/v1/evidence/{id}/content",
                engineerA,
                engineerB,
                List.of(regulator),
                who -> api.get(who, "/api/v1/evidence/" + evidenceOfA() + "/content"));

        // Re-certification: no earlier release of product A is certified, so the member is offered nothing and a
        // carry-over meets the rule of the evidence (409), where the others were stopped before it.
        table.product(
                "GET /api/v1/assessments/{id}/carry-over",
                signatoryA,
                signatoryB,
                List.of(regulator, admin),
                who -> api.get(who, "/api/v1/assessments/" + assessmentA + "/carry-over"));
        table.product(
                "POST /api/v1/assessments/{id}/principles/{code}/carry-over",
                engineerA,
                engineerB,
                List.of(officerA, signatoryA, regulator),
                who -> api.post(who, "/api/v1/assessments/" + assessmentA + "/principles/1/carry-over", null));
        table.last(Expect.status(409));
        // The scope step, on an assessment of its own (assessmentA's scope is confirmed by the fixture).
        String[] scoped = new String[1];
        table.add(new Rule(
                "POST /api/v1/tasks/{taskId}/scope",
                officerA,
                officerB,
                Expect.status(404),
                List.of(engineerA, signatoryA, regulator),
                who -> api.post(who, "/api/v1/tasks/" + scopeTask(scoped[0]) + "/scope", Map.of()),
                Expect.success(),
                () -> scoped[0] = api.post(
                                officerA,
                                "/api/v1/assessments",
                                Map.of(
                                        "releaseId",
                                        fixtures.newRelease(officerA, productA),
                                        "regimes",
                                        List.of("PSTI")))
                        .expect(201)
                        .json()
                        .get("id")
                        .asText()));

        // Tasks, through the whole certification: submit, review, approve.
        table.product("GET /api/v1/tasks", engineerA, null, List.of(regulator), who -> api.get(who, "/api/v1/tasks"));
        table.last(noTaskOf(assessmentA), taskOf(assessmentA), engineerB);
        table.product(
                "GET /api/v1/tasks/{taskId}",
                engineerA,
                engineerB,
                List.of(officerA, regulator),
                who -> api.get(who, "/api/v1/tasks/" + collectTask("2")));
        table.product(
                "GET /api/v1/tasks/{taskId}/requirements",
                engineerA,
                engineerB,
                List.of(officerA, regulator),
                who -> api.get(who, "/api/v1/tasks/" + collectTask("2") + "/requirements"));
        table.add(new Rule(
                "POST /api/v1/tasks/{taskId}/submit",
                engineerA,
                engineerB,
                Expect.status(404),
                List.of(officerA, signatoryA, regulator),
                who -> api.post(who, "/api/v1/tasks/" + collectTask("2") + "/submit", Map.of()),
                Expect.success(),
                () -> fixtures.stateNoEvidence(engineerA, assessmentA, "2")));
        table.product(
                "POST /api/v1/tasks/{taskId}/review",
                officerA,
                officerB,
                List.of(engineerA, signatoryA, adminSignatoryA, regulator),
                who -> api.post(
                        who,
                        "/api/v1/tasks/" + reviewTask("2") + "/review",
                        Map.of(
                                "verdicts",
                                fixtures.verdicts(officerA, assessmentA, "2", "PASS"),
                                "decision",
                                "ACCEPT")));
        table.product(
                "POST /api/v1/assessments/{id}/principles/{principle}/comments",
                engineerA,
                engineerB,
                List.of(regulator),
                who -> api.post(
                        who,
                        "/api/v1/assessments/" + assessmentA + "/principles/3/comments",
                        Map.of("text", "The scan runs nightly; the next one is attached on Monday.")));
        // An administrator who is also a signatory and a member still never signs off.
        table.add(new Rule(
                "POST /api/v1/tasks/{taskId}/approve",
                signatoryA,
                signatoryB,
                Expect.status(404),
                List.of(officerA, engineerA, adminSignatoryA, regulator),
                who -> api.post(
                        who,
                        "/api/v1/tasks/" + approvalTask() + "/approve",
                        Map.of("decision", "APPROVE", "placeOfIssue", "Leeds")),
                Expect.success(),
                () -> fixtures.completeAllPrinciples(engineerA, officerA, assessmentA, "PASS")));
        table.product(
                "GET /api/v1/assessments/{id}/signoffs",
                engineerA,
                engineerB,
                List.of(regulator),
                who -> api.get(who, "/api/v1/assessments/" + assessmentA + "/signoffs"));

        // The issued declaration.
        table.add(new Rule(
                "GET /api/v1/assessments/{assessmentId}/declaration",
                officerA,
                officerB,
                Expect.status(404),
                List.of(regulator),
                who -> api.get(who, "/api/v1/assessments/" + assessmentA + "/declaration"),
                Expect.success(),
                () -> declarationA =
                        fixtures.awaitDeclaration(assessmentA).get("id").asText()));
        table.product(
                "GET /api/v1/assessments/{assessmentId}/declarations",
                signatoryA,
                signatoryB,
                List.of(regulator),
                who -> api.get(who, "/api/v1/assessments/" + assessmentA + "/declarations"));
        // A published declaration is every regulator's to read: no role is wrong here; members of other products
        // still get 404 (they read their own products' statements, and the register).
        table.product(
                "GET /api/v1/declarations/{id}",
                regulator,
                officerB,
                List.of(),
                who -> api.get(who, "/api/v1/declarations/" + declarationA));
        table.product(
                "GET /api/v1/declarations/{id}/pdf",
                regulator,
                signatoryB,
                List.of(),
                who -> api.get(who, "/api/v1/declarations/" + declarationA + "/pdf"));
        table.global("GET /api/v1/register", regulator, List.of(engineerA), who -> api.get(who, "/api/v1/register"));
        table.product(
                "POST /api/v1/declarations/{id}/withdrawal",
                officerA,
                officerB,
                List.of(engineerA, regulator, admin),
                who -> api.post(
                        who,
                        "/api/v1/declarations/" + declarationA + "/withdrawal",
                        Map.of("reason", "Superseded by a corrected statement.")));
        // Deleting is the administrators' once the retention period is over; this one's is not (409).
        table.add(new Rule(
                "DELETE /api/v1/declarations/{id}",
                admin,
                null,
                null,
                List.of(officerA, signatoryA, regulator),
                who -> api.delete(who, "/api/v1/declarations/" + declarationA),
                Expect.status(409),
                () -> {}));
        return table.rules;
    }

    // ---- the table

    record Expect(String what, Predicate<Response> test) {

        static Expect status(int status) {
            return new Expect(String.valueOf(status), r -> r.status() == status);
        }

        static Expect success() {
            return new Expect("2xx", r -> r.status() >= 200 && r.status() < 300);
        }
    }

    /**
     * One operation: {@code otherMember} (null for operations on no one product) must get {@code otherExpected},
     * each of {@code wrongRoles} 403, and {@code right} {@code success}; {@code before} prepares the state the
     * successful call needs.
     */
    record Rule(
            String operation,
            Credentials right,
            Credentials otherMember,
            Expect otherExpected,
            List<Credentials> wrongRoles,
            Function<Credentials, Response> call,
            Expect success,
            Runnable before) {}

    static final class Rules {

        final List<Rule> rules = new ArrayList<>();

        void add(Rule rule) {
            rules.add(rule);
        }

        void product(
                String operation,
                Credentials right,
                Credentials otherMember,
                List<Credentials> wrongRoles,
                Function<Credentials, Response> call) {
            add(new Rule(
                    operation, right, otherMember, Expect.status(404), wrongRoles, call, Expect.success(), () -> {}));
        }

        void global(
                String operation,
                Credentials right,
                List<Credentials> wrongRoles,
                Function<Credentials, Response> call) {
            add(new Rule(operation, right, null, null, wrongRoles, call, Expect.success(), () -> {}));
        }

        /** The last row's right member meets {@code success} instead (a rule of the resource after access). */
        void last(Expect success) {
            Rule r = rules.remove(rules.size() - 1);
            add(new Rule(
                    r.operation(),
                    r.right(),
                    r.otherMember(),
                    r.otherExpected(),
                    r.wrongRoles(),
                    r.call(),
                    success,
                    r.before()));
        }

        /** The last row is a list: a member of another product sees it, without the first product's rows. */
        void last(Expect other, Expect success, Credentials otherMember) {
            Rule r = rules.remove(rules.size() - 1);
            add(new Rule(r.operation(), r.right(), otherMember, other, r.wrongRoles(), r.call(), success, r.before()));
        }
    }

    private static Expect listWith(String id) {
        return new Expect("200 listing " + id, r -> r.status() == 200 && ids(r).contains(id));
    }

    private static Expect listWithout(String id) {
        return new Expect(
                "200 without " + id + ", totals counting only what is listed",
                r -> r.status() == 200
                        && !ids(r).contains(id)
                        && r.json().get("page").get("totalElements").asInt()
                                == r.json().get("content").size());
    }

    private static Expect emptyPage() {
        return new Expect(
                "200 with nothing and a total of 0",
                r -> r.status() == 200
                        && r.json().get("page").get("totalElements").asInt() == 0);
    }

    private static Expect taskOf(String assessmentId) {
        return new Expect(
                "200 with tasks of " + assessmentId,
                r -> r.status() == 200
                        && r.json().findValuesAsText("assessmentId").contains(assessmentId));
    }

    private static Expect noTaskOf(String assessmentId) {
        return new Expect(
                "200 without tasks of " + assessmentId,
                r -> r.status() == 200
                        && !r.json().findValuesAsText("assessmentId").contains(assessmentId));
    }

    private static List<String> ids(Response r) {
        List<String> ids = new ArrayList<>();
        r.json().get("content").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    // ---- product A's state, read as its members

    private String productOf(String releaseId) {
        return api.get(admin, "/api/v1/releases/" + releaseId)
                .expect(200)
                .json()
                .get("productId")
                .asText();
    }

    private String manufacturerOf(String productId) {
        return api.get(admin, "/api/v1/products/" + productId)
                .expect(200)
                .json()
                .get("manufacturerId")
                .asText();
    }

    private String requirementOf(String principle) {
        Iterator<JsonNode> requirements = api.get(officerA, "/api/v1/assessments/" + assessmentA)
                .expect(200)
                .json()
                .get("requirements")
                .elements();
        while (requirements.hasNext()) {
            JsonNode r = requirements.next();
            if (r.get("principle").asText().equals(principle)
                    && r.get("applicable").asBoolean()) {
                return r.get("id").asText();
            }
        }
        throw new AssertionError("No applicable requirement of principle " + principle);
    }

    private String evidenceOfA() {
        if (evidenceA == null) {
            evidenceA = api.get(engineerA, "/api/v1/assessments/" + assessmentA + "/evidence")
                    .expect(200)
                    .json()
                    .get(0)
                    .get("id")
                    .asText();
        }
        return evidenceA;
    }

    private String scopeTask(String assessmentId) {
        return fixtures.tasks(officerA, assessmentId).stream()
                .filter(t -> t.get("kind").asText().equals("CONFIRM_SCOPE"))
                .findFirst()
                .map(t -> t.get("id").asText())
                .orElse("no-scope-task");
    }

    private String collectTask(String principle) {
        return taskId(engineerA, "COLLECT_EVIDENCE", principle);
    }

    private String reviewTask(String principle) {
        return taskId(officerA, "REVIEW_PRINCIPLE", principle);
    }

    private String approvalTask() {
        return taskId(signatoryA, "APPROVE_DECLARATION", null);
    }

    private String taskId(Credentials member, String kind, String principle) {
        Map<String, String> found = new LinkedHashMap<>();
        for (JsonNode task : fixtures.tasks(member, assessmentA)) {
            if (task.get("kind").asText().equals(kind)
                    && (principle == null
                            || principle.equals(task.path("principle").asText(null)))) {
                found.put(task.get("id").asText(), kind);
            }
        }
        assertThat(found).as(kind + " task of principle " + principle).isNotEmpty();
        return found.keySet().iterator().next();
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    static final String SUPPORT_PERIOD = "{\"endDate\":\"2030-06-30\",\"publishedAt\":\"https://example.test/support\","
            + "\"publicationDate\":\"2025-01-10\","
            + "\"statement\":\"Security updates until 30 June 2030.\","
            + "\"publication\":{\"withoutPriorRequest\":true,\"inEnglish\":true,\"freeOfCharge\":true,"
            + "\"noPersonalInformationRequired\":true,\"accessibleWithoutAccount\":true,"
            + "\"understandableWithoutTechnicalKnowledge\":true}}";

    /** The assessment in progress on the spare release, once a row has opened it. */
    private String spareAssessment() {
        for (JsonNode a : api.get(officerA, "/api/v1/assessments?productId=" + productA + "&size=100")
                .expect(200)
                .json()
                .get("content")) {
            if (a.get("releaseId").asText().equals(spareReleaseA)
                    && a.get("status").asText().equals("IN_PROGRESS")) {
                return a.get("id").asText();
            }
        }
        throw new AssertionError("No assessment in progress on the spare release");
    }
}
