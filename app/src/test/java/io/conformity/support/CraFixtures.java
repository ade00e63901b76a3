package io.conformity.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ApiClient.Response;

/** Products under the Cyber Resilience Act and their CRA assessments, driven through the public API. */
public final class CraFixtures {

    private final ApiClient api;
    private final Fixtures fixtures;

    public CraFixtures(ApiClient api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
    }

    /** The body of {@code POST /api/v1/products} for a new manufacturer's product; callers add or change fields. */
    public Map<String, Object> product(Credentials officer, String productType, String supportPeriodEnd) {
        String manufacturerId = api.post(
                        officer,
                        "/api/v1/manufacturers",
                        Map.of("name", "Router Works GmbH", "address", "Netzstraße 1, 10115 Berlin"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        Map<String, Object> body = new HashMap<>();
        body.put("manufacturerId", manufacturerId);
        body.put("modelDesignation", "WR-" + UUID.randomUUID().toString().substring(0, 4));
        body.put("productType", productType);
        body.put("supportPeriodEnd", supportPeriodEnd);
        return body;
    }

    /** A Wi-Fi router in CRA Annex III class I. */
    public Map<String, Object> router(Credentials officer) {
        Map<String, Object> body = product(officer, "Wi-Fi router", "2032-12-31");
        body.put("craCategory", "IMPORTANT_CLASS_I");
        body.put("craAnnexItem", Map.of("number", 12, "label", "Routers, modems and switches"));
        return body;
    }

    public JsonNode create(Credentials officer, Map<String, Object> product) {
        JsonNode created =
                api.post(officer, "/api/v1/products", product).expect(201).json();
        fixtures.teamJoins(created.get("id").asText());
        return created;
    }

    /** A release of the product, assessed under the CRA regime alone; returns the assessment. */
    public JsonNode openCra(Credentials officer, String productId) {
        String releaseId = api.post(
                        officer,
                        "/api/v1/products/" + productId + "/releases",
                        Map.of(
                                "firmwareVersion",
                                "2.0." + UUID.randomUUID().toString().substring(0, 4),
                                "batch",
                                "B7"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        JsonNode opened = api.post(
                        officer, "/api/v1/assessments", Map.of("releaseId", releaseId, "regimes", List.of("CRA")))
                .expect(201)
                .json();
        return fixtures.confirmScope(officer, opened.get("id").asText());
    }

    /** Every principle submitted and accepted with PASS, up to the signatory's approval task. */
    public void readyForApproval(Credentials engineer, Credentials officer, String assessmentId) {
        fixtures.completeAllPrinciples(engineer, officer, assessmentId, "PASS");
    }

    /** The signatory approves the assessment's open approval task. */
    public Response approve(Credentials signatory, String assessmentId) {
        String task = fixtures.task(signatory, assessmentId, null).get("id").asText();
        return api.post(
                signatory,
                "/api/v1/tasks/" + task + "/approve",
                Map.of("decision", "APPROVE", "placeOfIssue", "Berlin"));
    }

    /** Modules B + C with a notified body and its certificate. */
    public static Map<String, Object> modulesBC() {
        return Map.of(
                "procedure",
                "EU_TYPE_EXAMINATION",
                "notifiedBody",
                Map.of("name", "Example Prüf GmbH", "number", "0123"),
                "certificate",
                Map.of("reference", "EX-TE-2026-042", "date", "2026-11-20"),
                "standardsApplied",
                List.of(Map.of("kind", "HARMONISED_STANDARD", "reference", "EN 18031-1:2024", "appliedInFull", false)));
    }
}
