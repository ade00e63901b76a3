package io.conformity.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ChromeSession;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;

/**
 * The officer's dashboard, home and inbox in a real browser: the principle grid and the findings bar of an assessment
 * set up through the API with principles in several states, an overdue task, and a product whose name is markup.
 */
@ConformityIntegrationTest
class DashboardBrowserTests {

    static final String SCRIPT_NAME = "<script>alert(1)</script>";

    @LocalServerPort
    int port;

    @Autowired
    TaskService engineTasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService jobs;

    @Test
    void theDashboardDrawsEachPrincipleWithItsStateTheFindingsWithCountsAndTheOverdueTask() throws IOException {
        ApiClient api = new ApiClient(port);
        Fixtures fixtures = new Fixtures(api);
        Credentials engineer = fixtures.user("dash-eng", "Dana Engineer", "Engineer", "ENGINEER");
        Credentials officer = fixtures.user("dash-off", "Otto Dashboard", "Officer", "COMPLIANCE_OFFICER");
        fixtures.team(engineer);
        String releaseId = fixtures.release(officer, "Dash Devices Ltd", SCRIPT_NAME);
        String assessmentId = api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of("releaseId", releaseId, "regimes", List.of("EN303645"), "en303645Version", "V2.1.1"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        JsonNode assessment = fixtures.confirmScope(officer, assessmentId);

        // A port scan of the camera: findings of several severities.
        String interfaces = requirement(assessment, "5.6-1");
        api.send(
                        engineer,
                        HttpMethod.PUT,
                        "/api/v1/requirement-assessments/" + interfaces + "/evidence/nmap-smartcam.xml",
                        sample("nmap-smartcam.xml"),
                        MediaType.APPLICATION_OCTET_STREAM)
                .expect(201);
        // Principle 1 accepted, 2 sent back with a FAIL, 3 submitted for review; the rest (6 too) wait for evidence.
        for (String principle : List.of("1", "2", "3")) {
            fixtures.submit(engineer, fixtures.task(engineer, assessmentId, principle))
                    .expect(204);
        }
        review(api, fixtures, officer, assessmentId, "1", "PASS");
        review(api, fixtures, officer, assessmentId, "2", "FAIL");

        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.signIn(officer.username(), officer.password());
            browser.go("/dashboard");
            WebElement card = browser.find(By.id("assessment-" + assessmentId));
            assertThat(card.findElement(By.tagName("h2")).getText()).contains(SCRIPT_NAME);
            assertNoAlert(browser);

            assertThat(state(card, "1")).isEqualTo("ACCEPTED");
            assertThat(state(card, "2")).isEqualTo("FAILED");
            assertThat(state(card, "3")).isEqualTo("REVIEW");
            assertThat(state(card, "6")).isEqualTo("WAITING");
            List<WebElement> cells = card.findElements(By.cssSelector("svg.grid g.principle"));
            assertThat(cells).hasSizeGreaterThan(8);
            // Each cell names its principle in text, carries a symbol and says its state in its <title>.
            WebElement accepted = cell(card, "1");
            assertThat(accepted.findElement(By.cssSelector("text.code")).getText())
                    .isEqualTo("1");
            assertThat(accepted.findElement(By.cssSelector("text.symbol")).getText())
                    .isEqualTo("✓");
            assertThat(title(browser, accepted)).startsWith("Principle 1: Accepted. No universal default passwords");
            assertThat(title(browser, cell(card, "3"))).startsWith("Principle 3: Findings to review");
            assertThat(browser.find(By.cssSelector(".legend-list")).getText())
                    .contains(
                            "Waiting for evidence",
                            "Findings to review",
                            "Accepted",
                            "Failed",
                            "Not applicable",
                            "Closed");

            // The findings bar: one segment per severity found, the counts written beside it.
            List<WebElement> counts = card.findElements(By.cssSelector(".severity-counts li"));
            assertThat(counts)
                    .extracting(WebElement::getText)
                    .anySatisfy(t -> assertThat(t).matches("High\\s+[1-9]\\d*"));
            long total = counts.stream()
                    .mapToLong(li ->
                            Long.parseLong(li.findElement(By.tagName("strong")).getText()))
                    .sum();
            assertThat(total).isPositive();
            assertThat(card.findElement(By.tagName("figcaption")).getText()).isNotBlank();
            assertThat(card.findElements(By.cssSelector("svg.bar rect.sev"))).isNotEmpty();
            assertThat(card.getText()).contains("Findings by severity (" + total + ")");
            assertThat(title(browser, card.findElement(By.cssSelector("figure.findings"))))
                    .isEqualTo(total == 1 ? "1 finding" : total + " findings");
            assertThat(browser.consoleProblems()).isEmpty();

            // The review of principle 3 passes its due date: moved on the task itself rather than by moving the
            // engine's clock, which every test shares and which would fire the timers of all their tasks.
            String review = fixtures.task(officer, assessmentId, "3").get("id").asText();
            engineTasks.setDueDate(review, Date.from(Instant.now().minus(Duration.ofMinutes(1))));
            browser.go("/dashboard");
            card = browser.find(By.id("assessment-" + assessmentId));
            assertThat(card.findElement(By.cssSelector(".card-head .badge.overdue"))
                            .getText())
                    .isEqualTo("Overdue: 1 task");
            assertThat(title(browser, cell(card, "3"))).endsWith("task overdue");
            assertThat(card.findElement(By.cssSelector(".card-tasks li.late")).getText())
                    .contains("principle 3", "Overdue");
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("dashboard");

            // Home: the task with its due date and the overdue badge, links to the task and the assessment.
            browser.go("/");
            WebElement tasks = browser.find(By.id("tasks"));
            assertThat(tasks.getText()).contains(SCRIPT_NAME, "principle 3", "Overdue");
            assertThat(tasks.findElements(By.cssSelector("a[href^='/tasks/']"))).isNotEmpty();
            assertThat(tasks.findElements(By.cssSelector("a[href='/assessments/" + assessmentId + "']")))
                    .isNotEmpty();
            assertNoAlert(browser);
            assertThat(browser.text()).contains("COMPLIANCE_OFFICER", officer.username());
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("home");
            // The markup in the name is text on the product pages too.
            browser.go("/products?q=" + "%3Cscript%3E");
            assertThat(browser.find(By.id("products")).getText()).contains(SCRIPT_NAME);
            assertNoAlert(browser);
            browser.find(By.linkText(SCRIPT_NAME)).click();
            assertThat(browser.find(By.id("product-name")).getText()).isEqualTo(SCRIPT_NAME);
            assertNoAlert(browser);
            assertThat(browser.consoleProblems()).isEmpty();
        }
    }

    @Test
    void theInboxListsTheCallersNotificationsAndMarksOneRead() {
        ApiClient api = new ApiClient(port);
        Fixtures fixtures = new Fixtures(api);
        Credentials officer = fixtures.user("inbox", "Ines Inbox", "Officer", "COMPLIANCE_OFFICER");
        String releaseId = fixtures.release(officer, "Inbox Devices Ltd", "IN-1");
        String assessmentId = api.post(
                        officer, "/api/v1/assessments", Map.of("releaseId", releaseId, "regimes", List.of("PSTI")))
                .expect(201)
                .json()
                .get("id")
                .asText();
        String taskId = fixtures.tasks(officer, assessmentId).get(0).get("id").asText();
        // The deadline timers of this assessment's scope task fire and tell the officer: a reminder, then the overdue
        // notice. Run here, in order, rather than by moving the engine's clock, which would fire every test's timers.
        String processInstance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(assessmentId)
                .singleResult()
                .getId();
        List<Job> timers = jobs.createJobQuery()
                .processInstanceId(processInstance)
                .timers()
                .orderByJobDuedate()
                .asc()
                .list();
        assertThat(timers).hasSize(2);
        timers.forEach(timer -> jobs.executeJob(timer.getId()));
        assertThat(notificationsOf(api, officer, taskId))
                .hasSize(2)
                .anySatisfy(subject -> assertThat(subject).startsWith("Reminder: "));

        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.signIn(officer.username(), officer.password());
            // Home tells what changed: the unread notifications.
            assertThat(browser.find(By.id("news-heading")).getText()).contains("What changed");
            assertThat(browser.text()).contains("Reminder: ");

            browser.go("/notifications?unread=true");
            List<WebElement> items = browser.all(By.cssSelector(".inbox li.unread"));
            // The officer is a member of this product only: these are the two notices of its scope task.
            assertThat(items)
                    .hasSize(2)
                    .allSatisfy(item -> assertThat(
                                    item.findElement(By.linkText("Open")).getAttribute("href"))
                            .endsWith("/tasks/" + taskId));
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("notifications");
            String first = items.get(0).getAttribute("id");
            // The answer is the same address: the new page is awaited, not the address.
            browser.submitAndAwaitNextPage(
                    items.get(0).findElement(By.xpath(".//button[normalize-space()='Mark read']")));
            assertThat(browser.all(By.id(first))).isEmpty();
            assertThat(browser.driver().getCurrentUrl()).contains("/notifications?unread=true");
            assertThat(browser.all(By.cssSelector(".inbox li.unread"))).hasSize(items.size() - 1);

            browser.go("/notifications");
            assertThat(browser.find(By.id(first)).getText()).contains("Read");
            assertThat(browser.consoleProblems()).isEmpty();
        }
    }

    @Test
    void onATabletTheDashboardFitsTheScreenWidth() {
        ApiClient api = new ApiClient(port);
        Fixtures fixtures = new Fixtures(api);
        Credentials officer = fixtures.user("tablet", "Tabea Tablet", "Officer", "COMPLIANCE_OFFICER");
        fixtures.openAssessment(officer, fixtures.release(officer, "Tablet Devices Ltd", "TB-1"));
        try (ChromeSession browser = ChromeSession.open(port, 820, 1180)) {
            browser.signIn(officer.username(), officer.password());
            browser.go("/dashboard");
            browser.find(By.cssSelector("article.assessment-card"));
            Object fits =
                    browser.driver().executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
            assertThat(fits).isEqualTo(Boolean.TRUE);
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("dashboard-tablet");
            for (String page : List.of("/", "/products", "/notifications")) {
                browser.go(page);
                assertThat(browser.driver()
                                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                        .as(page)
                        .isEqualTo(Boolean.TRUE);
            }
        }
    }

    private static void review(
            ApiClient api,
            Fixtures fixtures,
            Credentials officer,
            String assessmentId,
            String principle,
            String verdict) {
        JsonNode task = fixtures.task(officer, assessmentId, principle);
        api.post(
                        officer,
                        "/api/v1/tasks/" + task.get("id").asText() + "/review",
                        Map.of(
                                "verdicts",
                                fixtures.verdicts(officer, assessmentId, principle, verdict),
                                "decision",
                                "PASS".equals(verdict) ? "ACCEPT" : "SEND_BACK",
                                "comment",
                                "Reviewed."))
                .expect(204);
    }

    private static String requirement(JsonNode assessment, String requirementId) {
        for (JsonNode r : assessment.get("requirements")) {
            if (r.get("requirementId").asText().equals(requirementId)) {
                return r.get("id").asText();
            }
        }
        throw new AssertionError("No requirement " + requirementId);
    }

    private static WebElement cell(WebElement card, String principle) {
        return card.findElement(By.cssSelector("svg.grid g.principle[data-principle='" + principle + "']"));
    }

    private static String state(WebElement card, String principle) {
        return cell(card, principle).getAttribute("data-state");
    }

    /** The SVG {@code <title>} is not rendered text, so it is read from the DOM. */
    private static String title(ChromeSession browser, WebElement cell) {
        return (String) browser.driver().executeScript("return arguments[0].querySelector('title').textContent", cell);
    }

    private static void assertNoAlert(ChromeSession browser) {
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = new ClassPathResource("demo/samples/" + name).getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** The subjects of the user's notifications about one task, so that no other test's notices count. */
    private static List<String> notificationsOf(ApiClient api, Credentials user, String taskId) {
        List<String> subjects = new ArrayList<>();
        api.get(user, "/api/v1/notifications?size=100")
                .expect(200)
                .json()
                .get("content")
                .forEach(n -> {
                    if (n.get("link").asText().equals("/api/v1/tasks/" + taskId)) {
                        subjects.add(n.get("subject").asText());
                    }
                });
        return subjects;
    }
}
