package io.conformity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.Browser;
import io.conformity.support.ChromeSession;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;
import io.conformity.support.PdfFiles;

/**
 * The task pages in a real browser: the scope step with a refused and an accepted override, the review of the
 * camera's scan completed with the keyboard alone, and the approval with the preview of the declaration.
 */
@ConformityIntegrationTest
class TaskPagesBrowserTests {

    private static final String HOSTILE = "<script>alert(1)</script>";

    @LocalServerPort
    int port;

    ApiClient api;
    Fixtures fixtures;
    Credentials officer;
    Credentials engineer;
    Credentials signatory;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        officer = fixtures.user("tp-off", "Olga Officer", "Compliance officer", "COMPLIANCE_OFFICER");
        engineer = fixtures.user("tp-eng", "Emil Engineer", "Engineer", "ENGINEER");
        signatory = fixtures.user("tp-sig", "Sina Signatory", "Director", "SIGNATORY");
        fixtures.team(officer, engineer, signatory);
    }

    @Test
    void theScopePageShowsARefusedOverrideAtItsFieldAndConfirmsAJustifiedOne() {
        String assessmentId = api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of(
                                "releaseId",
                                fixtures.release(officer),
                                "regimes",
                                List.of("EN303645"),
                                "en303645Version",
                                "V2.1.1"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        JsonNode scopeTask = fixtures.tasks(officer, assessmentId).get(0);
        assertThat(scopeTask.get("kind").asText()).isEqualTo("CONFIRM_SCOPE");
        List<JsonNode> requirements = requirements(assessmentId);
        String recommendation = idOf(
                requirements,
                r -> !r.get("mandatory").asBoolean()
                        && r.get("computedApplicable").asBoolean());
        String mandatory = idOf(
                requirements,
                r -> r.get("mandatory").asBoolean()
                        && r.get("computedApplicable").asBoolean());

        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.signIn(officer.username(), officer.password());
            browser.go("/tasks/" + scopeTask.get("id").asText());
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Confirm the scope");
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("task-scope");

            // Taken out without a reason: 400, the message at the justification of that requirement.
            new Select(browser.find(By.id("applicable-" + recommendation))).selectByValue("no");
            browser.submitAndAwaitNextPage(browser.find(By.id("confirm-scope")));
            WebElement error = browser.find(By.id("justification-" + recommendation + "-error"));
            assertThat(error.getText()).contains("justification");
            assertThat(browser.find(By.id("justification-" + recommendation)).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(browser.find(By.id("justification-" + recommendation)).getAttribute("aria-describedby"))
                    .contains("justification-" + recommendation + "-error");
            // The summary at the top links to the field it is about.
            assertThat(browser.find(By.cssSelector(".alert a[href='#justification-" + recommendation + "']"))
                            .getText())
                    .startsWith("Justification for ");
            // What was chosen is kept.
            assertThat(new Select(browser.find(By.id("applicable-" + recommendation)))
                            .getFirstSelectedOption()
                            .getAttribute("value"))
                    .isEqualTo("no");

            // A mandatory requirement cannot be taken out: 409, at that requirement's applicability.
            browser.find(By.id("justification-" + recommendation)).sendKeys("No user accounts on this device.");
            new Select(browser.find(By.id("applicable-" + mandatory))).selectByValue("no");
            browser.find(By.id("justification-" + mandatory)).sendKeys("We would rather not.");
            browser.submitAndAwaitNextPage(browser.find(By.id("confirm-scope")));
            assertThat(browser.find(By.id("applicable-" + mandatory + "-error")).getText())
                    .contains("mandatory");
            assertThat(browser.find(By.cssSelector(".alert[role=alert]")).getText())
                    .contains("cannot be marked not applicable");
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/tasks/", "/closure"))
                    .isEmpty();
            browser.screenshot("task-scope-refused");

            new Select(browser.find(By.id("applicable-" + mandatory))).selectByValue("yes");
            browser.find(By.id("comment")).sendKeys("Scope confirmed with one override.");
            browser.submitAndAwaitNextPage(browser.find(By.id("confirm-scope")));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/assessments/" + assessmentId);
        }
        JsonNode overridden = requirements(assessmentId).stream()
                .filter(r -> r.get("id").asText().equals(recommendation))
                .findFirst()
                .orElseThrow();
        assertThat(overridden.get("applicable").asBoolean()).isFalse();
        assertThat(overridden.get("scopeJustification").asText()).isEqualTo("No user accounts on this device.");
        assertThat(fixtures.tasks(officer, assessmentId))
                .noneMatch(t -> t.get("kind").asText().equals("CONFIRM_SCOPE"));
    }

    @Test
    void aReviewOfTheCameraScanIsCompletedWithTheKeyboardAlone() throws IOException {
        String assessmentId = fixtures.openFullStandardAssessment(officer);
        String interfaces = idOf(
                requirements(assessmentId), r -> r.get("requirementId").asText().equals("5.6-1"));
        api.send(
                        engineer,
                        HttpMethod.PUT,
                        "/api/v1/requirement-assessments/" + interfaces + "/evidence/nmap-smartcam.xml",
                        sample("nmap-smartcam.xml"),
                        MediaType.APPLICATION_OCTET_STREAM)
                .expect(201);
        JsonNode collect = fixtures.task(engineer, assessmentId, "6");

        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.signIn(engineer.username(), engineer.password());
            browser.go("/tasks/" + collect.get("id").asText());
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Collect evidence for principle 6");
            // Nothing stated yet for the other requirements: the refusal names them in words.
            browser.submitAndAwaitNextPage(browser.find(By.id("submit-principle")));
            assertThat(browser.find(By.cssSelector(".alert[role=alert]")).getText())
                    .contains("cannot be submitted");
            assertThat(browser.all(By.cssSelector("section.sheet .field-error")))
                    .isNotEmpty();
            assertThat(browser.text()).contains("nmap-smartcam.xml");
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/tasks/", "/closure"))
                    .isEmpty();
            browser.screenshot("task-collect");
        }
        fixtures.submit(engineer, collect).expect(204);
        JsonNode review = fixtures.task(officer, assessmentId, "6");

        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.signIn(officer.username(), officer.password());
            browser.go("/tasks/" + review.get("id").asText());
            WebElement sheet = browser.find(By.id("requirement-" + interfaces));
            // The findings, with their severity in words, and the suggested verdict with its reason, beside them.
            assertThat(sheet.findElement(By.cssSelector(".findings")).getText()).contains("High");
            WebElement suggestion = sheet.findElement(By.cssSelector(".sheet-side .suggestion"));
            assertThat(suggestion.getText()).contains("Suggested verdict:", "FAIL");
            assertThat(suggestion.getText()).contains("nmap.");
            assertThat(sheet.findElement(By.cssSelector(".sheet-side"))
                            .getLocation()
                            .getX())
                    .isGreaterThan(sheet.findElement(By.cssSelector(".evidence"))
                            .getLocation()
                            .getX());
            assertThat(new Select(browser.find(By.id("verdict-" + interfaces)))
                            .getFirstSelectedOption()
                            .getText())
                    .isEqualTo("FAIL");
            assertThat(browser.text()).contains("Conversation", "SUBMITTED");
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("task-review");

            // Keyboard only: accepting with the suggested FAIL on a mandatory requirement is refused at it.
            tabTo(browser, "accept");
            enterAndAwaitNextPage(browser);
            assertThat(browser.find(By.id("verdict-" + interfaces + "-error")).getText())
                    .contains("mandatory");
            assertThat(browser.find(By.cssSelector(".alert a[href='#verdict-" + interfaces + "']"))
                            .getText())
                    .isEqualTo("Verdict on 5.6-1");
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/tasks/", "/closure"))
                    .isEmpty();
            browser.screenshot("task-review-refused");

            // PASS against a suggested FAIL (the scan's findings, or a statement instead of evidence) needs a
            // justification: per requirement, down the page, the keyboard chooses PASS and types why.
            List<String> selects = browser.all(By.cssSelector("select[id^=verdict-]")).stream()
                    .map(e -> e.getAttribute("id"))
                    .toList();
            assertThat(selects).contains("verdict-" + interfaces);
            for (String select : selects) {
                tabTo(browser, select);
                if (new Select(browser.find(By.id(select)))
                        .getFirstSelectedOption()
                        .getText()
                        .equals("FAIL")) {
                    new Actions(browser.driver()).sendKeys(Keys.ARROW_UP).perform();
                }
                assertThat(new Select(browser.find(By.id(select)))
                                .getFirstSelectedOption()
                                .getText())
                        .isEqualTo("PASS");
                new Actions(browser.driver())
                        .sendKeys(Keys.TAB)
                        .sendKeys(
                                select.equals("verdict-" + interfaces)
                                        ? "Port 12323 is closed on first boot; the scan was of the bench unit."
                                        : "The design documentation covers it.")
                        .perform();
            }
            tabTo(browser, "accept");
            enterAndAwaitNextPage(browser);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/assessments/" + assessmentId);
        }
        assertThat(fixtures.tasks(officer, assessmentId))
                .noneMatch(t -> t.get("id").asText().equals(review.get("id").asText()));
        assertThat(requirements(assessmentId))
                .filteredOn(r -> r.get("principle").asText().equals("6")
                        && r.get("applicable").asBoolean())
                .allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("ACCEPTED"));
        assertThat(idOf(
                        requirements(assessmentId),
                        r -> r.get("id").asText().equals(interfaces)
                                && r.get("verdict").asText().equals("PASS")
                                && r.get("justification").asText().startsWith("Port 12323")))
                .isEqualTo(interfaces);
    }

    @Test
    void theApprovalPageShowsTheDeclarationAsIssuedAndApprovingIssuesIt() throws IOException {
        String releaseId = fixtures.release(officer, "Hostile Devices Ltd", HOSTILE);
        String assessmentId =
                fixtures.openAssessment(officer, releaseId).get("id").asText();
        fixtures.completeAllPrinciples(engineer, officer, assessmentId, "PASS");
        JsonNode approval = fixtures.task(signatory, assessmentId, null);
        assertThat(approval.get("kind").asText()).isEqualTo("APPROVE_DECLARATION");

        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.signIn(signatory.username(), signatory.password());
            browser.go("/tasks/" + approval.get("id").asText());
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Approve the declaration");
            // The product's name is text on the page, never markup.
            assertThat(browser.find(By.cssSelector(".task-about")).getText()).contains(HOSTILE);
            List<WebElement> pages = browser.all(By.cssSelector("img.preview-page"));
            assertThat(pages).isNotEmpty();
            assertThat(pages.get(0).getAttribute("alt")).isEqualTo("Page 1 of the declaration");
            for (WebElement page : pages) {
                browser.waitUntil(d -> Boolean.TRUE.equals(browser.driver()
                        .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", page)));
            }
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("task-approval");

            // The preview file is the PDF the declaration will be, served to be shown, not saved.
            String pdfPath = browser.find(By.id("preview-pdf")).getAttribute("href");
            Browser http = new Browser(port);
            http.signIn(signatory.username(), signatory.password());
            var pdf = http.get(pdfPath.substring(pdfPath.indexOf("/assessments/")));
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(String.valueOf(pdf.headers().getFirst("Content-Type"))).startsWith("application/pdf");
            assertThat(String.valueOf(pdf.headers().getFirst("Content-Disposition")))
                    .startsWith("inline");
            String text = PdfFiles.text(pdf.body());
            assertThat(text).contains(HOSTILE, "Sina Signatory");

            // A rejection naming a principle without saying why: the message at that principle's reason.
            WebElement first = browser.all(By.cssSelector("input[name=reopen]")).get(0);
            String principle = first.getAttribute("value");
            first.click();
            browser.submitAndAwaitNextPage(browser.find(By.id("reject")));
            assertThat(browser.find(By.id("reason-" + principle + "-error")).getText())
                    .contains("required");
            assertThat(browser.find(By.id("reopen-" + principle)).isSelected()).isTrue();
            assertThat(browser.find(By.id("reason-" + principle)).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/tasks/", "/closure"))
                    .isEmpty();
            browser.screenshot("task-approval-refused");

            // Approving without a place of issue is refused at the field; with it, the declaration is issued.
            browser.submitAndAwaitNextPage(browser.find(By.id("approve")));
            assertThat(browser.find(By.id("placeOfIssue-error")).getText()).contains("place of issue");
            browser.find(By.id("placeOfIssue")).sendKeys("Leeds, United Kingdom", Keys.TAB);
            // The preview follows the place as typed: the file and the page images show it.
            browser.waitUntil(
                    d -> browser.find(By.id("preview-pdf")).getAttribute("href").contains("place=Leeds"));
            String placed = browser.find(By.id("preview-pdf")).getAttribute("href");
            assertThat(PdfFiles.text(http.get(placed.substring(placed.indexOf("/assessments/")))
                            .expect(200)
                            .body()))
                    .contains("Leeds, United Kingdom");
            WebElement firstPage =
                    browser.all(By.cssSelector("img.preview-page")).get(0);
            assertThat(firstPage.getAttribute("src")).contains("place=Leeds");
            browser.waitUntil(d -> Boolean.TRUE.equals(browser.driver()
                    .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", firstPage)));
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/tasks/", "/closure"))
                    .isEmpty();
            browser.submitAndAwaitNextPage(browser.find(By.id("approve")));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/assessments/" + assessmentId);
        }
        JsonNode declaration = fixtures.awaitDeclaration(assessmentId);
        assertThat(declaration.get("modelDesignation").asText()).isEqualTo(HOSTILE);
    }

    @Test
    void theTaskPagesFitATablet() {
        String scopeAssessment = api.post(
                        officer,
                        "/api/v1/assessments",
                        Map.of(
                                "releaseId",
                                fixtures.release(officer, "Tablet Devices Ltd", HOSTILE),
                                "regimes",
                                List.of("PSTI")))
                .expect(201)
                .json()
                .get("id")
                .asText();
        JsonNode scope = fixtures.tasks(officer, scopeAssessment).get(0);
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer, "Tablet Devices Ltd", HOSTILE))
                .get("id")
                .asText();
        JsonNode collect = fixtures.tasks(engineer, assessmentId).get(0);
        fixtures.submit(engineer, collect).expect(204);
        JsonNode review =
                fixtures.task(officer, assessmentId, collect.get("principle").asText());
        try (ChromeSession browser = ChromeSession.open(port, 820, 1180)) {
            browser.signIn(officer.username(), officer.password());
            browser.go("/tasks/" + scope.get("id").asText());
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Confirm the scope");
            assertFits(browser);
            browser.screenshot("task-scope-tablet");

            browser.go("/tasks/" + review.get("id").asText());
            assertThat(browser.find(By.tagName("h1")).getText()).startsWith("Review principle");
            assertThat(browser.find(By.cssSelector(".task-about")).getText()).contains(HOSTILE);
            assertFits(browser);
            browser.screenshot("task-review-tablet");
        }
        fixtures.completeAllPrinciples(engineer, officer, assessmentId, "PASS");
        JsonNode approval = fixtures.task(signatory, assessmentId, null);
        try (ChromeSession browser = ChromeSession.open(port, 820, 1180)) {
            browser.signIn(signatory.username(), signatory.password());
            browser.go("/tasks/" + approval.get("id").asText());
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Approve the declaration");
            WebElement first = browser.all(By.cssSelector("img.preview-page")).get(0);
            browser.waitUntil(d -> Boolean.TRUE.equals(browser.driver()
                    .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", first)));
            assertFits(browser);
            browser.screenshot("task-approval-tablet");
        }
    }

    /** Nothing wider than the window, and nothing the console complained about. */
    private static void assertFits(ChromeSession browser) {
        Object overflow =
                browser.driver().executeScript("return document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).isEqualTo(false);
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void theOfficerClosesAnAssessmentAsNotCertifiable() {
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.signIn(officer.username(), officer.password());
            browser.go("/assessments/" + assessmentId + "/closure");
            assertThat(browser.consoleProblems()).isEmpty();
            browser.submitAndAwaitNextPage(browser.find(By.id("close-assessment")));
            assertThat(browser.find(By.id("reason-error")).getText()).isNotBlank();
            assertThat(browser.find(By.id("reason")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/tasks/", "/closure"))
                    .isEmpty();
            browser.screenshot("task-closure");
            browser.find(By.id("reason")).sendKeys("The debug port cannot be closed in this hardware revision.");
            browser.submitAndAwaitNextPage(browser.find(By.id("close-assessment")));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/assessments/" + assessmentId);
        }
        assertThat(api.get(officer, "/api/v1/assessments/" + assessmentId)
                        .expect(200)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("NOT_CERTIFIED");
    }

    /**
     * The console's problems, except the refused form post itself: a refusal is answered with the page and the
     * API's status (400, 409), which Chromium reports as a resource that failed to load.
     */
    /** Presses TAB until the element with the id has the focus (at most 400 times). */
    /** Enter on the focused button; the refused form's answer is the same address, so wait for the page itself. */
    private static void enterAndAwaitNextPage(ChromeSession browser) {
        WebElement page = browser.driver().findElement(By.tagName("html"));
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        browser.waitUntil(ExpectedConditions.stalenessOf(page));
    }

    private static void tabTo(ChromeSession browser, String id) {
        for (int i = 0; i < 400; i++) {
            if (id.equals(browser.driver().switchTo().activeElement().getAttribute("id"))) {
                return;
            }
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("TAB never reached #" + id);
    }

    private List<JsonNode> requirements(String assessmentId) {
        List<JsonNode> result = new ArrayList<>();
        api.get(officer, "/api/v1/assessments/" + assessmentId)
                .expect(200)
                .json()
                .get("requirements")
                .forEach(result::add);
        return result;
    }

    private static String idOf(List<JsonNode> requirements, Predicate<JsonNode> which) {
        return requirements.stream()
                .filter(which)
                .findFirst()
                .map(r -> r.get("id").asText())
                .orElseThrow(() -> new AssertionError("No such requirement"));
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = new ClassPathResource("demo/samples/" + name).getInputStream()) {
            return in.readAllBytes();
        }
    }
}
