package io.conformity.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.support.ApiClient.Credentials;

/** Builds test data through the public API only, so every fixture also exercises the real endpoints. */
public final class Fixtures {

    private final ApiClient api;
    private final Credentials admin = new Credentials(TestInstallation.ADMIN_USERNAME, TestInstallation.ADMIN_PASSWORD);

    /** Added as members to every product this instance creates (besides the officer who creates it). */
    private final List<Credentials> team = new ArrayList<>();

    public Fixtures(ApiClient api) {
        this.api = api;
    }

    /**
     * From now on every product this instance creates also has these users as members: engineers and signatories
     * work only on products they are members of. Returns this instance.
     */
    public Fixtures team(Credentials... members) {
        team.addAll(List.of(members));
        return this;
    }

    /** Makes the {@link #team} members of a product created without this instance. */
    public void teamJoins(String productId) {
        productMembers(productId, team.toArray(Credentials[]::new));
    }

    /** Makes the users members of the release's product (through the administrators' endpoint). */
    public void members(String releaseId, Credentials... users) {
        String productId = api.get(admin, "/api/v1/releases/" + releaseId)
                .expect(200)
                .json()
                .get("productId")
                .asText();
        productMembers(productId, users);
    }

    /** Makes the users members of the assessment's product. */
    public void assessmentMembers(String assessmentId, Credentials... users) {
        members(
                api.get(admin, "/api/v1/assessments/" + assessmentId)
                        .expect(200)
                        .json()
                        .get("releaseId")
                        .asText(),
                users);
    }

    /** Makes the users members of the product. */
    public void productMembers(String productId, Credentials... users) {
        for (Credentials user : users) {
            int status = api.put(admin, "/api/v1/products/" + productId + "/members/" + user.username(), null)
                    .status();
            if (status != 201 && status != 200) {
                throw new AssertionError("Membership of " + user.username() + " in " + productId + ": HTTP " + status);
            }
        }
    }

    /** A new account with the given roles and a password generated for this run. */
    public Credentials user(String prefix, String displayName, String function, String... roles) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        api.post(
                        admin,
                        "/api/v1/users",
                        Map.of(
                                "username",
                                username,
                                "displayName",
                                displayName,
                                "function",
                                function,
                                "roles",
                                Set.of(roles),
                                "password",
                                password))
                .expect(201);
        return new Credentials(username, password);
    }

    /**
     * EN 303 645 V2.1.1 answers of a typical connected device: passwords (pre-installed, unique), updatable over
     * the network, not constrained, telemetry and consent-based processing, an accessible debug interface.
     */
    public static Map<String, Object> v211Profile() {
        Map<String, Boolean> conditions = new TreeMap<>();
        for (int c = 1; c <= 13; c++) {
            conditions.put(String.valueOf(c), c != 3 && c != 4);
        }
        return Map.of("conditions", conditions, "features", Map.of());
    }

    /** Manufacturer, product (with its V2.1.1 profile) and release; returns the release id. */
    public String release(Credentials officer) {
        return release(officer, "Fixture Devices Ltd", "FX-1");
    }

    /** A manufacturer and product of the given names, with the V2.1.1 profile, and one release; its id. */
    public String release(Credentials officer, String manufacturerName, String modelDesignation) {
        String manufacturerId = api.post(
                        officer,
                        "/api/v1/manufacturers",
                        Map.of("name", manufacturerName, "address", "2 Test Road, Leeds LS1 1AA"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        String productId = api.post(
                        officer,
                        "/api/v1/products",
                        Map.of(
                                "manufacturerId",
                                manufacturerId,
                                "modelDesignation",
                                modelDesignation,
                                "productType",
                                "smart plug",
                                "supportPeriodEnd",
                                "2030-06-30"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        api.put(officer, "/api/v1/products/" + productId + "/profiles/V2.1.1", v211Profile())
                .expect(200);
        productMembers(productId, team.toArray(Credentials[]::new));
        return newRelease(officer, productId);
    }

    /** Another release of a product; its id. */
    public String newRelease(Credentials officer, String productId) {
        return api.post(
                        officer,
                        "/api/v1/products/" + productId + "/releases",
                        Map.of(
                                "firmwareVersion",
                                "1.0." + UUID.randomUUID().toString().substring(0, 4),
                                "batch",
                                "B1"))
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    /** A PSTI assessment of the release, its scope confirmed as computed: evidence collection has started. */
    public JsonNode openAssessment(Credentials officer, String releaseId) {
        JsonNode opened = api.post(
                        officer, "/api/v1/assessments", Map.of("releaseId", releaseId, "regimes", List.of("PSTI")))
                .expect(201)
                .json();
        return confirmScope(officer, opened.get("id").asText());
    }

    /**
     * The officer (a member of the assessment's product) confirms the scope as the catalog computed it, which starts
     * evidence collection; returns the assessment as it is then.
     */
    public JsonNode confirmScope(Credentials officer, String assessmentId) {
        return confirmScope(officer, assessmentId, List.of());
    }

    /** As {@link #confirmScope(Credentials, String)}, with the officer's overrides of the computed applicability. */
    public JsonNode confirmScope(Credentials officer, String assessmentId, List<Map<String, Object>> overrides) {
        JsonNode scope = tasks(officer, assessmentId).stream()
                .filter(t -> t.get("kind").asText().equals("CONFIRM_SCOPE"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No scope task for assessment " + assessmentId));
        api.post(
                        officer,
                        "/api/v1/tasks/" + scope.get("id").asText() + "/scope",
                        Map.of("overrides", overrides, "comment", "Scope confirmed."))
                .expect(204);
        return api.get(officer, "/api/v1/assessments/" + assessmentId)
                .expect(200)
                .json();
    }

    /** An assessment of a new release against the whole of EN 303 645 V2.1.1; returns its id. */
    public String openFullStandardAssessment(Credentials officer) {
        String assessmentId = api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of(
                                "releaseId",
                                release(officer),
                                "regimes",
                                List.of("EN303645"),
                                "en303645Version",
                                "V2.1.1"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        confirmScope(officer, assessmentId);
        return assessmentId;
    }

    public List<JsonNode> tasks(Credentials user, String assessmentId) {
        List<JsonNode> result = new ArrayList<>();
        api.get(user, "/api/v1/tasks?assessmentId=" + assessmentId)
                .expect(200)
                .json()
                .forEach(result::add);
        return result;
    }

    public JsonNode task(Credentials user, String assessmentId, String principle) {
        return tasks(user, assessmentId).stream()
                .filter(t -> principle == null
                        || principle.equals(t.path("principle").asText(null)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No task for principle " + principle));
    }

    /**
     * The {@code reopen} list of a rejection naming every principle in scope (one with an applicable requirement),
     * each with the reason.
     */
    public List<Map<String, Object>> reopenAll(Credentials reader, String assessmentId, String reason) {
        Set<String> principles = new LinkedHashSet<>();
        api.get(reader, "/api/v1/assessments/" + assessmentId)
                .expect(200)
                .json()
                .get("requirements")
                .forEach(r -> {
                    if (r.get("applicable").asBoolean()) {
                        principles.add(r.get("principle").asText());
                    }
                });
        return principles.stream()
                .map(p -> Map.<String, Object>of("principle", p, "reason", reason))
                .toList();
    }

    /** Verdicts on every applicable requirement of a principle. */
    public List<Map<String, Object>> verdicts(
            Credentials reader, String assessmentId, String principle, String verdict) {
        List<Map<String, Object>> result = new ArrayList<>();
        api.get(reader, "/api/v1/assessments/" + assessmentId)
                .expect(200)
                .json()
                .get("requirements")
                .forEach(r -> {
                    if (r.get("principle").asText().equals(principle)
                            && r.get("applicable").asBoolean()) {
                        result.add(Map.of(
                                "requirementAssessmentId",
                                r.get("id").asText(),
                                "verdict",
                                verdict,
                                "justification",
                                "PASS".equals(verdict) ? "Evidence reviewed" : "Evidence incomplete"));
                    }
                });
        return result;
    }

    /**
     * States why no evidence exists for every applicable requirement of the principle that is open and has neither
     * evidence nor a statement yet, so that the principle can be submitted.
     */
    public void stateNoEvidence(Credentials engineer, String assessmentId, String principle) {
        api.get(engineer, "/api/v1/assessments/" + assessmentId)
                .expect(200)
                .json()
                .get("requirements")
                .forEach(r -> {
                    if (r.get("principle").asText().equals(principle)
                            && r.get("applicable").asBoolean()
                            && r.get("status").asText().equals("OPEN")
                            && r.path("noEvidenceStatement").isNull()) {
                        String id = r.get("id").asText();
                        if (api.get(engineer, "/api/v1/requirement-assessments/" + id + "/evidence")
                                .expect(200)
                                .json()
                                .isEmpty()) {
                            api.put(
                                            engineer,
                                            "/api/v1/requirement-assessments/" + id + "/no-evidence-statement",
                                            Map.of("statement", "Covered by the product's design documentation."))
                                    .expect(200);
                        }
                    }
                });
    }

    /** Covers the principle of a collect task (statements where no evidence is) and submits it. */
    public ApiClient.Response submit(Credentials engineer, JsonNode collectTask) {
        stateNoEvidence(
                engineer,
                collectTask.get("assessmentId").asText(),
                collectTask.get("principle").asText());
        return api.post(engineer, "/api/v1/tasks/" + collectTask.get("id").asText() + "/submit", Map.of());
    }

    /** Submits and accepts (with the given verdict) every open principle of the assessment. */
    public void completeAllPrinciples(Credentials engineer, Credentials officer, String assessmentId, String verdict) {
        for (JsonNode task : tasks(engineer, assessmentId)) {
            submit(engineer, task).expect(204);
        }
        for (JsonNode review : tasks(officer, assessmentId)) {
            api.post(
                            officer,
                            "/api/v1/tasks/" + review.get("id").asText() + "/review",
                            Map.of(
                                    "verdicts",
                                    verdicts(
                                            officer,
                                            assessmentId,
                                            review.get("principle").asText(),
                                            verdict),
                                    "decision",
                                    "ACCEPT"))
                    .expect(204);
        }
    }

    /**
     * Waits for the background issuance of an approved assessment (at most a minute) and returns its leading
     * declaration.
     */
    public JsonNode awaitDeclaration(String assessmentId) {
        awaitStatus(assessmentId, "ISSUED", Duration.ofMinutes(1));
        return api.get(admin, "/api/v1/assessments/" + assessmentId + "/declaration")
                .expect(200)
                .json();
    }

    /** Polls the assessment until it has the status; fails naming the last status seen. */
    public void awaitStatus(String assessmentId, String status, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String seen;
        do {
            seen = api.get(admin, "/api/v1/assessments/" + assessmentId)
                    .expect(200)
                    .json()
                    .get("status")
                    .asText();
            if (seen.equals(status)) {
                return;
            }
            pause();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("Assessment " + assessmentId + " is still " + seen + " after " + timeout);
    }

    /**
     * Opens a PSTI assessment of the release stating the declarations it supersedes, takes every principle through
     * review and the approval, and returns the declaration once issued.
     */
    public JsonNode issuePsti(
            Credentials engineer, Credentials officer, Credentials signatory, String releaseId, String... supersedes) {
        String assessmentId = api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of("releaseId", releaseId, "regimes", List.of("PSTI"), "supersedes", List.of(supersedes)))
                .expect(201)
                .json()
                .get("id")
                .asText();
        confirmScope(officer, assessmentId);
        completeAllPrinciples(engineer, officer, assessmentId, "PASS");
        return approveAndAwaitDeclaration(signatory, assessmentId);
    }

    /** Approves the assessment's approval task and waits for its declaration. */
    public JsonNode approveAndAwaitDeclaration(Credentials signatory, String assessmentId) {
        JsonNode approval = task(signatory, assessmentId, null);
        api.post(
                        signatory,
                        "/api/v1/tasks/" + approval.get("id").asText() + "/approve",
                        Map.of("decision", "APPROVE", "placeOfIssue", "Leeds"))
                .expect(204);
        return awaitDeclaration(assessmentId);
    }

    /** Polls the administrators' list of issuance incidents until one names the assessment. */
    public JsonNode awaitIncident(String assessmentId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode incident : api.get(admin, "/api/v1/admin/issuance-incidents")
                    .expect(200)
                    .json()) {
                if (incident.get("assessmentId").asText().equals(assessmentId)) {
                    return incident;
                }
            }
            pause();
        }
        throw new AssertionError("No issuance incident for " + assessmentId + " after " + timeout);
    }

    public Credentials admin() {
        return admin;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting", e);
        }
    }
}
