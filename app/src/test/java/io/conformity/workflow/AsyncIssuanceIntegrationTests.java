package io.conformity.workflow;

import static io.conformity.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;
import io.conformity.support.TestInstallation;

/**
 * Issuance as an engine job after the approval, on the real engine, database and file store: the approval returns
 * without waiting for it, a failed attempt leaves no file behind and a retry registers once, and an issuance that
 * keeps failing becomes an incident an administrator retries. The failures are real ones: a register row held by
 * another transaction, a store that cannot stage files.
 */
@ConformityIntegrationTest
class AsyncIssuanceIntegrationTests {

    /** The database's lock timeout (spring.datasource.url, LOCK_TIMEOUT): how long a blocked attempt waits. */
    static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    ApiClient api;
    Fixtures fixtures;
    Credentials engineer;
    Credentials officer;
    Credentials signatory;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        engineer = fixtures.user("eng", "Eve Engineer", "Engineer", "ENGINEER");
        fixtures.team(engineer);
        officer = fixtures.user("off", "Oscar Officer", "Officer", "COMPLIANCE_OFFICER");
        fixtures.team(officer);
        signatory = fixtures.user("sig", "Sid Signatory", "Director", "SIGNATORY");
        fixtures.team(signatory);
    }

    @Test
    void theApprovalReturnsWhileIssuanceWaitsAndAFailedAttemptLeavesNoFileBehind() throws Exception {
        String releaseId = fixtures.release(officer);
        String earlier = fixtures.issuePsti(engineer, officer, signatory, releaseId)
                .get("id")
                .asText();
        String assessmentId = api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of("releaseId", releaseId, "regimes", List.of("PSTI"), "supersedes", List.of(earlier)))
                .expect(201)
                .json()
                .get("id")
                .asText();
        fixtures.confirmScope(officer, assessmentId);
        fixtures.completeAllPrinciples(engineer, officer, assessmentId, "PASS");
        String approval = fixtures.task(signatory, assessmentId, null).get("id").asText();
        long files = storedFiles();

        // Another transaction holds the earlier statement's row: the issuance renders and stores its file, then
        // cannot mark the earlier one superseded until the lock times out, and rolls back.
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock =
                    holder.prepareStatement("select id from declaration where id = ? for update")) {
                lock.setObject(1, UUID.fromString(earlier));
                try (ResultSet row = lock.executeQuery()) {
                    assertThat(row.next()).isTrue();
                }
            }
            Instant start = Instant.now();
            api.post(
                            signatory,
                            "/api/v1/tasks/" + approval + "/approve",
                            Map.of("decision", "APPROVE", "placeOfIssue", "Leeds"))
                    .expect(204);
            assertThat(Duration.between(start, Instant.now()))
                    .as("the approval does not wait for the issuance")
                    .isLessThan(LOCK_TIMEOUT.dividedBy(2));
            assertThat(status(assessmentId)).isEqualTo("APPROVED");
            assertProblem(api.get(officer, "/api/v1/assessments/" + assessmentId + "/declaration"), 404);
            // The attempt has rendered and stored its file and now waits for the row.
            awaitFiles(files + 1, LOCK_TIMEOUT.dividedBy(2));
            // Past the first attempt's lock timeout: it has failed and rolled back.
            Thread.sleep(LOCK_TIMEOUT.plusSeconds(2).toMillis());
            assertThat(status(assessmentId)).isEqualTo("APPROVED");
            holder.rollback();
        }

        // A retry issues once: one declaration, and one new file only (each attempt renders its own bytes, so a file
        // kept by the failed attempt would be a second one), the earlier statement superseded by it.
        JsonNode issued = fixtures.awaitDeclaration(assessmentId);
        assertThat(api.get(officer, "/api/v1/assessments/" + assessmentId + "/declarations")
                        .json())
                .hasSize(1);
        assertThat(storedFiles()).isEqualTo(files + 1);
        JsonNode superseded =
                api.get(officer, "/api/v1/declarations/" + earlier).json();
        assertThat(superseded.get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(superseded.get("supersededBy").asText())
                .isEqualTo(issued.get("id").asText());
    }

    @Test
    void anIssuanceThatKeepsFailingIsAnIncidentThatAnAdministratorRetriesOnceTheCauseIsGone() throws Exception {
        Credentials admin = fixtures.admin();
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        fixtures.completeAllPrinciples(engineer, officer, assessmentId, "PASS");
        String approval = fixtures.task(signatory, assessmentId, null).get("id").asText();

        // The store cannot stage a file: its staging folder is a file. Every attempt fails, for real.
        Path incoming = TestInstallation.H2.DATA.resolve("blobs").resolve("incoming");
        Path aside = incoming.resolveSibling("incoming-aside");
        JsonNode incident;
        Files.move(incoming, aside);
        try {
            Files.writeString(incoming, "not a folder");
            api.post(
                            signatory,
                            "/api/v1/tasks/" + approval + "/approve",
                            Map.of("decision", "APPROVE", "placeOfIssue", "Leeds"))
                    .expect(204);
            incident = fixtures.awaitIncident(assessmentId, Duration.ofMinutes(1));
        } finally {
            Files.deleteIfExists(incoming);
            Files.move(aside, incoming);
        }
        assertThat(incident.get("message").asText()).isNotBlank();
        assertThat(Instant.parse(incident.get("occurredAt").asText())).isBefore(Instant.now());
        // The approval stands; the statement waits for the retry.
        assertThat(status(assessmentId)).isEqualTo("APPROVED");
        assertThat(fixtures.tasks(signatory, assessmentId)).isEmpty();
        assertProblem(api.get(officer, "/api/v1/admin/issuance-incidents"), 403);
        assertProblem(
                api.post(
                        officer,
                        "/api/v1/admin/issuance-incidents/" + incident.get("id").asText() + "/retry",
                        null),
                403);
        assertProblem(api.post(admin, "/api/v1/admin/issuance-incidents/no-such-incident/retry", null), 404);

        api.post(admin, "/api/v1/admin/issuance-incidents/" + incident.get("id").asText() + "/retry", null)
                .expect(202);
        JsonNode declaration = fixtures.awaitDeclaration(assessmentId);
        assertThat(declaration.get("status").asText()).isEqualTo("ISSUED");
        assertThat(incidentOf(admin, assessmentId)).isEmpty();
    }

    private Optional<JsonNode> incidentOf(Credentials admin, String assessmentId) {
        for (JsonNode incident :
                api.get(admin, "/api/v1/admin/issuance-incidents").expect(200).json()) {
            if (incident.get("assessmentId").asText().equals(assessmentId)) {
                return Optional.of(incident);
            }
        }
        return Optional.empty();
    }

    private static void awaitFiles(long expected, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (storedFiles() != expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The store holds " + storedFiles() + " files, not " + expected);
            }
            Thread.sleep(50);
        }
    }

    private String status(String assessmentId) {
        return api.get(officer, "/api/v1/assessments/" + assessmentId)
                .expect(200)
                .json()
                .get("status")
                .asText();
    }

    private static long storedFiles() {
        Path root = TestInstallation.H2.DATA.resolve("blobs").resolve("sha256");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
