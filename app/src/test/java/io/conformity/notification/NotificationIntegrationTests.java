package io.conformity.notification;

import static io.conformity.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.identity.Role;
import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;
import io.conformity.support.TestMailServer;
import io.conformity.support.TestMailServer.Mail;
import io.conformity.workflow.TaskDeadline;

/**
 * Task deadlines reach the right people: the inbox of the product's members who hold the task's role (and its
 * officers when overdue), an e-mail to those with an address, received by a real SMTP server; a rolled-back change
 * tells no one. The deadline event is published here as the engine's timer job publishes it, inside a transaction.
 */
@ConformityIntegrationTest
class NotificationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    ApiClient api;
    Fixtures fixtures;
    Credentials officer;
    Credentials engineer;
    Credentials signatory;
    Credentials otherEngineer;
    String engineerAddress;
    String otherAddress;
    String officerAddress;
    UUID productId;
    UUID otherProductId;
    UUID assessmentId;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        officer = fixtures.user("noff", "Nora Officer", "Officer", "COMPLIANCE_OFFICER");
        engineer = fixtures.user("neng", "Ned Engineer", "Engineer", "ENGINEER");
        signatory = fixtures.user("nsig", "Nia Signatory", "Director", "SIGNATORY");
        otherEngineer = fixtures.user("noth", "Olly Engineer", "Engineer", "ENGINEER");
        engineerAddress = email(engineer);
        otherAddress = email(otherEngineer);
        officerAddress = email(officer);

        String release = fixtures.release(officer, "Notify Devices", "N-" + tag());
        fixtures.members(release, engineer, signatory);
        productId = UUID.fromString(productOf(release));
        assessmentId = UUID.fromString(
                fixtures.openAssessment(officer, release).get("id").asText());

        String otherRelease = fixtures.release(officer, "Other Devices", "O-" + tag());
        fixtures.members(otherRelease, otherEngineer);
        otherProductId = UUID.fromString(productOf(otherRelease));
    }

    @Test
    void aReminderReachesTheRolesMembersOfTheProductInTheInboxAndByEmail() {
        String taskId = "task-" + tag();
        Instant due = Instant.parse("2031-05-04T10:15:00Z");
        publish(new TaskDeadline(
                TaskDeadline.Kind.REMINDER,
                taskId,
                "Collect evidence",
                assessmentId,
                productId,
                "5.1",
                Role.ENGINEER,
                due));

        List<JsonNode> inbox = about(taskId, engineer);
        assertThat(inbox).hasSize(1);
        JsonNode reminder = inbox.get(0);
        assertThat(reminder.get("subject").asText())
                .startsWith("Reminder: Collect evidence on N-")
                .endsWith("is due on 2031-05-04 10:15 UTC");
        assertThat(reminder.get("text").asText()).contains("principle 5.1");
        assertThat(reminder.get("link").asText()).isEqualTo("/api/v1/tasks/" + taskId);
        assertThat(reminder.get("productId").asText()).isEqualTo(productId.toString());
        assertThat(reminder.get("emailedTo").asText()).isEqualTo(engineerAddress);
        assertThat(reminder.get("emailedAt").isNull())
                .as("sent once the transaction committed")
                .isFalse();
        assertThat(about(taskId, officer)).as("the officer holds another role").isEmpty();
        assertThat(about(taskId, signatory)).isEmpty();
        assertThat(about(taskId, otherEngineer))
                .as("an engineer of another product")
                .isEmpty();

        List<Mail> mails = mailsAbout(engineerAddress, taskId, 1);
        assertThat(mails).hasSize(1);
        Mail mail = mails.get(0);
        assertThat(mail.from()).isEqualTo(TestMailServer.FROM);
        assertThat(mail.to()).containsExactly(engineerAddress);
        assertThat(mail.subject())
                .isEqualTo("[Conformity] " + reminder.get("subject").asText());
        assertThat(mail.body()).contains("/api/v1/tasks/" + taskId);
        assertThat(mailsAbout(otherAddress, taskId, 0)).isEmpty();
        assertThat(mailsAbout(officerAddress, taskId, 0)).isEmpty();
    }

    @Test
    void anOverdueTaskIsEscalatedToTheProductsOfficers() {
        String taskId = "task-" + tag();
        publish(new TaskDeadline(
                TaskDeadline.Kind.OVERDUE,
                taskId,
                "Approve declaration",
                assessmentId,
                productId,
                null,
                Role.SIGNATORY,
                Instant.parse("2031-05-04T10:15:00Z")));

        assertThat(about(taskId, signatory)).hasSize(1);
        JsonNode escalation = about(taskId, officer).get(0);
        assertThat(escalation.get("subject").asText()).startsWith("Overdue: Approve declaration on N-");
        assertThat(escalation.get("text").asText()).contains("signatory");
        assertThat(about(taskId, engineer)).isEmpty();
        assertThat(mailsAbout(officerAddress, taskId, 1)).hasSize(1);
    }

    @Test
    void aRolledBackChangeTellsNoOne() {
        String taskId = "task-" + tag();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new TaskDeadline(
                    TaskDeadline.Kind.REMINDER,
                    taskId,
                    "Collect evidence",
                    assessmentId,
                    productId,
                    "5.1",
                    Role.ENGINEER,
                    Instant.now()));
            status.setRollbackOnly();
        });
        assertThat(about(taskId, engineer)).isEmpty();
        assertThat(mailsAbout(engineerAddress, taskId, 0)).isEmpty();
    }

    @Test
    void theInboxIsTheCallersOwnWithAnUnreadFilterAndMarkingRead() {
        String first = "task-" + tag();
        String second = "task-" + tag();
        for (String taskId : List.of(first, second)) {
            publish(new TaskDeadline(
                    TaskDeadline.Kind.REMINDER,
                    taskId,
                    "Collect evidence",
                    assessmentId,
                    productId,
                    "5.1",
                    Role.ENGINEER,
                    Instant.now()));
        }
        JsonNode page = api.get(engineer, "/api/v1/notifications").expect(200).json();
        List<String> links = page.get("content").findValuesAsText("link");
        assertThat(links.indexOf("/api/v1/tasks/" + second))
                .as("newest first")
                .isLessThan(links.indexOf("/api/v1/tasks/" + first));
        String id = about(first, engineer).get(0).get("id").asText();

        // Someone else's notification is as unknown as one that does not exist.
        assertProblem(api.post(officer, "/api/v1/notifications/" + id + "/read", null), 404);
        assertProblem(api.post(engineer, "/api/v1/notifications/" + UUID.randomUUID() + "/read", null), 404);

        JsonNode read = api.post(engineer, "/api/v1/notifications/" + id + "/read", null)
                .expect(200)
                .json();
        assertThat(read.get("readAt").isNull()).isFalse();
        // Marking it again keeps the first time.
        assertThat(api.post(engineer, "/api/v1/notifications/" + id + "/read", null)
                        .expect(200)
                        .json()
                        .get("readAt")
                        .asText())
                .isEqualTo(read.get("readAt").asText());

        List<String> unread = api.get(engineer, "/api/v1/notifications?unread=true&size=100")
                .expect(200)
                .json()
                .get("content")
                .findValuesAsText("id");
        assertThat(unread)
                .doesNotContain(id)
                .contains(about(second, engineer).get(0).get("id").asText());
        assertThat(api.get(engineer, "/api/v1/notifications?unread=false&size=100")
                        .expect(200)
                        .json()
                        .get("content")
                        .findValuesAsText("id"))
                .contains(id);
        assertProblem(api.get(engineer, "/api/v1/notifications?unread=yes"), 400);
        JsonNode parameters =
                api.get(null, "/v3/api-docs").expect(200).json().at("/paths/~1api~1v1~1notifications/get/parameters");
        assertThat(parameters.findValuesAsText("name")).containsExactly("unread", "page", "size", "sort");
        assertThat(parameters.get(0).at("/schema/type").asText()).isEqualTo("boolean");
        assertProblem(api.get(engineer, "/api/v1/notifications?sort=subject"), 400);
    }

    @Test
    void aUserWithoutAnAddressGetsTheInboxOnlyAndAnAddressIsChecked() {
        Credentials quiet = fixtures.user("nqui", "Quinn Engineer", "Engineer", "ENGINEER");
        fixtures.productMembers(productId.toString(), quiet);
        assertProblem(api.put(quiet, "/api/v1/users/me/email", Map.of("email", "not an address")), 400);
        assertProblem(api.put(quiet, "/api/v1/users/me/email", Map.of("email", "a@b")), 400);
        assertThat(api.put(quiet, "/api/v1/users/me/email", Map.of("email", " q@example.test "))
                        .expect(200)
                        .json()
                        .get("email")
                        .asText())
                .isEqualTo("q@example.test");
        api.put(quiet, "/api/v1/users/me/email", Map.of("email", "")).expect(200);

        String taskId = "task-" + tag();
        publish(new TaskDeadline(
                TaskDeadline.Kind.REMINDER,
                taskId,
                "Collect evidence",
                assessmentId,
                productId,
                "5.1",
                Role.ENGINEER,
                Instant.now()));
        JsonNode entry = about(taskId, quiet).get(0);
        assertThat(entry.get("emailedTo").isNull()).isTrue();
        assertThat(mailsAbout("q@example.test", taskId, 0)).isEmpty();
    }

    @Test
    void anAdministratorMayGiveANewAccountItsAddress() {
        Credentials admin = fixtures.admin();
        String username = "nmail-" + tag();
        Map<String, Object> user = new HashMap<>(Map.of(
                "username",
                username,
                "displayName",
                "Mel Engineer",
                "roles",
                List.of("ENGINEER"),
                "password",
                "pw-" + UUID.randomUUID()));
        user.put("email", "mel@example");
        assertProblem(api.post(admin, "/api/v1/users", user), 400);
        user.put("email", "mel@example.test");
        api.post(admin, "/api/v1/users", user).expect(201);
        assertThat(api.get(admin, "/api/v1/users/" + username)
                        .expect(200)
                        .json()
                        .get("email")
                        .asText())
                .isEqualTo("mel@example.test");
    }

    /** As the engine's timer job does: inside a transaction that commits. */
    private void publish(TaskDeadline deadline) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(deadline));
    }

    private List<JsonNode> about(String taskId, Credentials user) {
        JsonNode content = api.get(user, "/api/v1/notifications?size=100")
                .expect(200)
                .json()
                .get("content");
        List<JsonNode> found = new ArrayList<>();
        content.forEach(entry -> {
            if (("/api/v1/tasks/" + taskId).equals(entry.get("link").asText())) {
                found.add(entry);
            }
        });
        return found;
    }

    /** The mails to the address about the task, once {@code expected} of them arrived (or after a short wait). */
    private static List<Mail> mailsAbout(String address, String taskId, int expected) {
        Duration wait = expected == 0 ? Duration.ofMillis(300) : Duration.ofSeconds(10);
        Instant deadline = Instant.now().plus(wait);
        List<Mail> found;
        do {
            found = TestMailServer.instance().to(address).stream()
                    .filter(mail -> mail.body().contains("/api/v1/tasks/" + taskId))
                    .toList();
        } while (found.size() < Math.max(expected, 1) && Instant.now().isBefore(deadline) && pause());
        return found;
    }

    private static boolean pause() {
        try {
            Thread.sleep(50);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String email(Credentials user) {
        String address = user.username() + "@example.test";
        api.put(user, "/api/v1/users/me/email", Map.of("email", address)).expect(200);
        return address;
    }

    private String productOf(String releaseId) {
        return api.get(officer, "/api/v1/releases/" + releaseId)
                .expect(200)
                .json()
                .get("productId")
                .asText();
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
