package io.conformity.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.conformity.audit.internal.AuditCheckpoints;
import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.Concurrently;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;
import io.conformity.support.Problems;

/**
 * The audit trail on the embedded default (H2): what is recorded, who may read and verify it, that parallel appends
 * form one chain, and that verification finds a changed row and a consistently rewritten tail.
 */
@ConformityIntegrationTest
class AuditIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    ApiClient api;
    Fixtures fixtures;
    Credentials admin;
    Credentials officer;
    Credentials engineer;

    @BeforeEach
    void users() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        admin = fixtures.admin();
        officer = fixtures.user("aud-off", "Audrey Officer", "Compliance officer", "COMPLIANCE_OFFICER");
        engineer = fixtures.user("aud-eng", "Audrey Engineer", "Engineer", "ENGINEER");
        fixtures.team(engineer);
    }

    @Test
    void theHistoryOfAnAssessmentSaysWhoInWhichRoleDidWhatAndWhen() {
        String releaseId = fixtures.release(officer, "Audit Devices Ltd", "AU-1");
        String assessmentId =
                fixtures.openAssessment(officer, releaseId).get("id").asText();
        JsonNode collect = fixtures.task(engineer, assessmentId, "1");
        fixtures.submit(engineer, collect).expect(204);

        JsonNode history = api.get(officer, "/api/v1/audit?subject=" + assessmentId + "&size=100")
                .expect(200)
                .json();
        List<JsonNode> entries = new ArrayList<>();
        history.get("content").forEach(entries::add);
        assertThat(entries)
                .extracting(e -> e.get("action").asText())
                .startsWith("assessment.opened")
                .contains(
                        "process.started",
                        "assessment.no-evidence-stated",
                        "assessment.principle-submitted",
                        "signoff.recorded",
                        "task.completed");
        JsonNode opened = entries.get(0);
        assertThat(opened.get("actor").asText()).isEqualTo(officer.username());
        assertThat(opened.get("roles")).extracting(JsonNode::asText).containsExactly("compliance-officer");
        assertThat(opened.get("subjectType").asText()).isEqualTo("assessment");
        assertThat(opened.get("change").get("releaseId").asText()).isEqualTo(releaseId);
        assertThat(opened.get("occurredAt").asText()).isNotBlank();
        JsonNode completed = entries.stream()
                // The first is the officer's scope step; this is the engineer's submission.
                .filter(e -> e.get("action").asText().equals("task.completed")
                        && e.get("change").get("outcome").asText().equals("submitted"))
                .findFirst()
                .orElseThrow();
        assertThat(completed.get("actor").asText()).isEqualTo(engineer.username());
        assertThat(completed.get("roles")).extracting(JsonNode::asText).containsExactly("engineer");
        assertThat(completed.get("processInstanceId").asText()).isNotBlank();
        assertThat(completed.get("change").get("outcome").asText()).isEqualTo("submitted");
        // In sequence, each linked to the one before it somewhere in the chain.
        List<Long> sequences =
                entries.stream().map(e -> e.get("sequence").asLong()).toList();
        assertThat(sequences).isSorted();
        assertThat(history.get("page").get("totalElements").asLong()).isEqualTo(entries.size());

        // Newest first on request, and the pages of every list endpoint.
        JsonNode newest = api.get(officer, "/api/v1/audit?subject=" + assessmentId + "&sort=sequence,desc&size=1")
                .expect(200)
                .json();
        assertThat(newest.get("content").get(0).get("sequence").asLong())
                .isEqualTo(sequences.get(sequences.size() - 1));
        Problems.assertProblem(api.get(officer, "/api/v1/audit?subject=" + assessmentId + "&sort=actor"), 400);
        Problems.assertProblem(api.get(engineer, "/api/v1/audit?subject=" + assessmentId), 403);
        Problems.assertProblem(api.get(null, "/api/v1/audit?subject=" + assessmentId), 401);

        // An officer of another product learns nothing of this one, not even that it exists; nor reads the whole
        // trail, which is the administrators'.
        Credentials stranger = fixtures.user("aud-other", "Otto Officer", "Compliance officer", "COMPLIANCE_OFFICER");
        Problems.assertProblem(api.get(stranger, "/api/v1/audit?subject=" + assessmentId), 404);
        Problems.assertProblem(api.get(stranger, "/api/v1/audit?subject=" + releaseId), 404);
        Problems.assertProblem(api.get(stranger, "/api/v1/audit?subject=" + UUID.randomUUID()), 404);
        Problems.assertProblem(api.get(officer, "/api/v1/audit"), 403);
        api.get(officer, "/api/v1/audit?subject=" + releaseId).expect(200);
        api.get(admin, "/api/v1/audit?size=1").expect(200);
    }

    @Test
    void productChangesAreRecordedAgainstTheirSubjects() {
        String releaseId = fixtures.release(officer, "Audit Subjects Ltd", "AU-2");
        JsonNode release =
                api.get(officer, "/api/v1/releases/" + releaseId).expect(200).json();
        String productId = release.get("productId").asText();

        JsonNode product =
                api.get(admin, "/api/v1/audit?subject=" + productId).expect(200).json();
        assertThat(product.get("content"))
                .extracting(e -> e.get("action").asText())
                .containsExactly(
                        "product.created",
                        "membership.added",
                        "product.profile-set",
                        "membership.added",
                        "release.created");
    }

    @Test
    void anEventWithoutATransactionIsAppendedInItsOwnAndOneRolledBackLeavesNothing() {
        String name = "nobody-" + System.nanoTime();

        // A failed login: no transaction, no authenticated caller, the attempted name as the actor.
        events.publishEvent(new Audited("login.failed", "user", name, Map.of("reason", "bad credentials"), null, name));

        List<Map<String, Object>> entries = entriesAbout(name);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("ACTOR")).isEqualTo(name);
        assertThat(entries.get(0).get("ROLES")).isEqualTo("");
        assertThat(entries.get(0).get("ACTION")).isEqualTo("login.failed");
        assertThat(entries.get(0).get("CHANGE_JSON")).isEqualTo("{\"reason\":\"bad credentials\"}");

        transactions.executeWithoutResult(status -> {
            events.publishEvent(Audited.of("manufacturer.created", "user", name, Map.of()));
            status.setRollbackOnly();
        });
        assertThat(entriesAbout(name))
                .as("the entry rolls back with its change")
                .hasSize(1);

        transactions.executeWithoutResult(
                status -> events.publishEvent(Audited.of("manufacturer.created", "user", name, Map.of())));
        entries = entriesAbout(name);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).get("ACTOR"))
                .as("no caller: the system acted")
                .isEqualTo("system");
    }

    private List<Map<String, Object>> entriesAbout(String subjectId) {
        return jdbc.queryForList("select * from audit_entry where subject_id = ? order by sequence", subjectId);
    }

    @Test
    void onlyAnAdministratorVerifiesAndAnIntactChainIsValid() {
        fixtures.release(officer, "Audit Verify Ltd", "AU-3");

        JsonNode report = api.get(admin, "/api/v1/audit/verify").expect(200).json();

        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("firstBroken").isNull()).isTrue();
        assertThat(report.get("entries").asLong()).isPositive();
        assertThat(report.get("head").get("sequence").asLong())
                .isEqualTo(report.get("entries").asLong());
        Problems.assertProblem(api.get(officer, "/api/v1/audit/verify"), 403);
        Problems.assertProblem(api.get(engineer, "/api/v1/audit/verify"), 403);
    }

    @Test
    void fiftyParallelChangesAppendOneContiguousChain() {
        long before = head();

        List<Integer> statuses = Concurrently.run(
                50,
                i -> api.post(
                                officer,
                                "/api/v1/manufacturers",
                                Map.of("name", "Parallel " + i + " Ltd", "address", "1 Race Street, York"))
                        .status());

        assertThat(statuses).containsOnly(201);
        List<Long> sequences = jdbc.queryForList(
                "select sequence from audit_entry where sequence > ? order by sequence", Long.class, before);
        assertThat(sequences).hasSizeGreaterThanOrEqualTo(50);
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(before + 1 + i);
        }
        Set<String> previous = new HashSet<>(
                jdbc.queryForList("select previous_hash from audit_entry where sequence > ?", String.class, before));
        assertThat(previous).as("no two entries claim the same predecessor").hasSize(sequences.size());
        JsonNode report = api.get(admin, "/api/v1/audit/verify").expect(200).json();
        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
    }

    @Test
    void aRowChangedInTheDatabaseIsNamedByVerification() {
        String releaseId = fixtures.release(officer, "Audit Tamper Ltd", "AU-5");
        long tampered = jdbc.queryForObject(
                "select max(sequence) from audit_entry where action = 'release.created' and change_json like ?",
                Long.class,
                "%" + releaseId + "%");
        String actor = jdbc.queryForObject("select actor from audit_entry where sequence = ?", String.class, tampered);
        try {
            jdbc.update("update audit_entry set actor = 'someone-else' where sequence = ?", tampered);

            JsonNode report = api.get(admin, "/api/v1/audit/verify").expect(200).json();

            assertThat(report.get("valid").asBoolean()).isFalse();
            assertThat(report.get("firstBroken").get("sequence").asLong()).isEqualTo(tampered);
            assertThat(report.get("firstBroken").get("reason").asText()).contains("hash does not match");
            assertThat(checkpoints.writeNow())
                    .as("a broken chain is never signed")
                    .isEmpty();
        } finally {
            jdbc.update("update audit_entry set actor = ? where sequence = ?", actor, tampered);
        }
        assertThat(api.get(admin, "/api/v1/audit/verify")
                        .expect(200)
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aTailRewrittenWithEveryHashRecomputedIsCaughtByTheSignedCheckpoint() throws Exception {
        String releaseId = fixtures.release(officer, "Audit Rewrite Ltd", "AU-6");
        long rewriteFrom = jdbc.queryForObject(
                "select max(sequence) from audit_entry where action = 'release.created' and change_json like ?",
                Long.class,
                "%" + releaseId + "%");
        checkpoints.writeNow();
        fixtures.release(officer, "Audit Rewrite Later Ltd", "AU-7");
        Rewrite rewrite = rewriteFrom(rewriteFrom);
        try {
            JsonNode report = api.get(admin, "/api/v1/audit/verify").expect(200).json();

            assertThat(report.get("valid").asBoolean()).isFalse();
            assertThat(reasons(report))
                    .as("the chain itself is consistent again; only the checkpoint knows")
                    .isNotEmpty()
                    .allMatch(reason -> reason.contains("signed checkpoint"));
            assertThat(report.get("firstBroken").get("sequence").asLong()).isGreaterThanOrEqualTo(rewriteFrom);
            assertThat(report.get("firstBroken").get("reason").asText()).contains("differs from the signed checkpoint");
        } finally {
            rewrite.undo();
        }
        assertThat(api.get(admin, "/api/v1/audit/verify")
                        .expect(200)
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void anIssuedDeclarationCarriesTheHeadWhichCatchesARewriteOfTheChainBeforeIt() throws Exception {
        Credentials signatory = fixtures.user("aud-sig", "Audrey Signatory", "Director", "SIGNATORY");
        fixtures.team(signatory);
        JsonNode declaration =
                fixtures.issuePsti(engineer, officer, signatory, fixtures.release(officer, "Audit Anchor Ltd", "AU-8"));
        byte[] pdf = api.get(
                        officer, "/api/v1/declarations/" + declaration.get("id").asText() + "/pdf")
                .expect(200)
                .body();
        JsonNode carried = twin(pdf).get("auditHead");
        long sequence = carried.get("sequence").asLong();
        assertThat(carried.get("hash").asText())
                .isEqualTo(
                        jdbc.queryForObject("select hash from audit_entry where sequence = ?", String.class, sequence));
        JsonNode intact = api.get(admin, "/api/v1/audit/verify").expect(200).json();
        assertThat(intact.get("valid").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.get("anchors").asInt()).isPositive();

        Rewrite rewrite = rewriteFrom(sequence);
        try {
            JsonNode report = api.get(admin, "/api/v1/audit/verify").expect(200).json();

            assertThat(report.get("valid").asBoolean()).isFalse();
            assertThat(reasons(report))
                    .anyMatch(reason -> reason.contains(
                            "declaration " + declaration.get("id").asText()));
            assertThat(report.get("firstBroken").get("sequence").asLong()).isLessThanOrEqualTo(sequence);
        } finally {
            rewrite.undo();
        }
        assertThat(api.get(admin, "/api/v1/audit/verify")
                        .expect(200)
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
    }

    /** What a database superuser can do: change an entry, then recompute every hash after it and the head. */
    private Rewrite rewriteFrom(long sequence) throws Exception {
        List<Map<String, Object>> original =
                jdbc.queryForList("select * from audit_entry where sequence >= ? order by sequence", sequence);
        String originalHead = jdbc.queryForObject("select hash from audit_chain_head", String.class);
        Rewrite rewrite = new Rewrite(original, originalHead);
        String previous =
                jdbc.queryForObject("select hash from audit_entry where sequence = ?", String.class, sequence - 1);
        for (Map<String, Object> row : original) {
            long at = ((Number) row.get("SEQUENCE")).longValue();
            String actor = at == sequence ? "someone-else" : (String) row.get("ACTOR");
            String hash = recomputed(row, actor, previous);
            jdbc.update(
                    "update audit_entry set actor = ?, previous_hash = ?, hash = ? where sequence = ?",
                    actor,
                    previous,
                    hash,
                    at);
            previous = hash;
        }
        jdbc.update("update audit_chain_head set hash = ?", previous);
        return rewrite;
    }

    private final class Rewrite {

        private final List<Map<String, Object>> original;
        private final String head;

        Rewrite(List<Map<String, Object>> original, String head) {
            this.original = original;
            this.head = head;
        }

        void undo() {
            // Unique hashes: clear the rewritten ones first, then put the originals back.
            for (Map<String, Object> row : original) {
                jdbc.update(
                        "update audit_entry set previous_hash = ?, hash = ? where sequence = ?",
                        "x" + row.get("SEQUENCE"),
                        "y" + row.get("SEQUENCE"),
                        row.get("SEQUENCE"));
            }
            for (Map<String, Object> row : original) {
                jdbc.update(
                        "update audit_entry set actor = ?, previous_hash = ?, hash = ? where sequence = ?",
                        row.get("ACTOR"),
                        row.get("PREVIOUS_HASH"),
                        row.get("HASH"),
                        row.get("SEQUENCE"));
            }
            jdbc.update("update audit_chain_head set hash = ?", head);
        }
    }

    private static List<String> reasons(JsonNode report) {
        List<String> reasons = new ArrayList<>();
        report.get("findings").forEach(f -> reasons.add(f.get("reason").asText()));
        return reasons;
    }

    private static JsonNode twin(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            byte[] json = document.getDocumentCatalog()
                    .getNames()
                    .getEmbeddedFiles()
                    .getNames()
                    .get("declaration.json")
                    .getEmbeddedFile()
                    .toByteArray();
            return new ObjectMapper().readTree(json);
        }
    }

    private long head() {
        return jdbc.queryForObject("select sequence from audit_chain_head", Long.class);
    }

    /**
     * The entry's hash as documented (README, ADR 0009), computed here independently of the application's code:
     * SHA-256 of the canonical JSON (sorted keys, no white space) of every field but the hash.
     */
    static String recomputed(Map<String, Object> row, String actor, String previousHash) throws Exception {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("v", 1);
        fields.put("sequence", ((Number) row.get("SEQUENCE")).longValue());
        fields.put("occurredAt", instant(row.get("OCCURRED_AT")));
        fields.put("actor", actor);
        String roles = (String) row.get("ROLES");
        fields.put("roles", roles.isEmpty() ? List.of() : List.of(roles.split(",")));
        fields.put("action", row.get("ACTION"));
        fields.put("subjectType", row.get("SUBJECT_TYPE"));
        fields.put("subjectId", row.get("SUBJECT_ID"));
        fields.put("processInstanceId", row.get("PROCESS_INSTANCE_ID"));
        fields.put("changeDigest", row.get("CHANGE_DIGEST"));
        fields.put("previousHash", previousHash);
        String json = new ObjectMapper()
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .writeValueAsString(fields);
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toString();
        }
        if (value instanceof Timestamp time) {
            return time.toInstant().toString();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
