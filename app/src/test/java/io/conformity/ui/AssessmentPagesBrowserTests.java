package io.conformity.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ChromeSession;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;
import io.conformity.support.TestInstallation;

/**
 * The assessment page in a real browser: what an engineer sees after the scope step, uploads with their analysis,
 * declarations as forms, the conversation, and a hostile product name shown as text.
 */
@ConformityIntegrationTest
class AssessmentPagesBrowserTests {

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    ApiClient api;
    Fixtures fixtures;
    Credentials officer;
    Credentials engineer;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        officer = fixtures.user("apo", "Olga Officer", "Compliance officer", "COMPLIANCE_OFFICER");
        engineer = fixtures.user("ape", "Emil Engineer", "Firmware engineer", "ENGINEER");
        fixtures.team(engineer);
    }

    /** The requirement assessment of a requirement id in the assessment (V2.1.1 for EN 303 645). */
    private JsonNode requirement(String assessmentId, String requirementId) {
        for (JsonNode r : api.get(officer, "/api/v1/assessments/" + assessmentId)
                .expect(200)
                .json()
                .get("requirements")) {
            if (r.get("requirementId").asText().equals(requirementId)) {
                return r;
            }
        }
        throw new AssertionError("No requirement " + requirementId);
    }

    /**
     * The console's problems besides the refusal the test provoked: a refused form or upload answers with its 4xx
     * status, as the API does, and Chrome logs every such response.
     */
    private Path sample(String name) throws IOException {
        Path file = files.resolve(name);
        try (InputStream in = new ClassPathResource("demo/samples/" + name).getInputStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    @Test
    void anEngineerUploadsTheCameraScanAndAnEmptyFileAndSeesTheFindingsOfOneAndTheRefusalOfTheOther()
            throws IOException {
        String assessmentId = fixtures.openFullStandardAssessment(officer);
        String at = requirement(assessmentId, "5.6-1").get("id").asText();
        Path scan = sample("nmap-smartcam.xml");
        Path empty = Files.createFile(files.resolve("empty-notes.txt"));

        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.signIn(engineer.username(), engineer.password());
            // The address of a requirement opens its principle.
            browser.go("/assessments/" + assessmentId + "#req-" + at);
            assertThat(browser.find(By.tagName("h1")).getText()).contains("FX-1");
            assertThat(browser.find(By.id("assessment-status")).getText()).isEqualTo("In progress");
            // The dashboard's words for where principles stand: both pages apply the same rule.
            assertThat(browser.find(By.id("principle-states")).getText()).contains("Waiting for evidence");
            // The engineer's collect tasks, each a link to its task page.
            assertThat(browser.all(By.cssSelector("#tasks a[href^='/tasks/']"))).isNotEmpty();
            assertThat(browser.find(By.id("req-" + at)).getText())
                    .contains("5.6-1", "Applicable", "None yet.", "Suggested verdict");
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("assessment");

            // Record whether a progress bar was shown: the upload itself is over in moments.
            browser.driver()
                    .executeScript("window.sawProgress = false; new MutationObserver(function () {"
                            + " if (document.querySelector('.upload-results progress')) { window.sawProgress = true; }"
                            + " }).observe(document.body, {childList: true, subtree: true});");
            WebElement input = browser.driver().findElement(By.id("files-" + at));
            input.sendKeys(scan.toAbsolutePath() + "\n" + empty.toAbsolutePath());

            WebElement stored = browser.find(By.cssSelector("li.upload-result.stored[data-file='nmap-smartcam.xml']"));
            assertThat(stored.getText()).contains("Stored", "nmap", "High", "nmap.cleartext-login");
            WebElement refused = browser.find(By.cssSelector("li.upload-result.refused[data-file='empty-notes.txt']"));
            assertThat(refused.findElement(By.cssSelector("[role=alert]")).getText())
                    .contains("empty");
            assertThat(browser.driver().executeScript("return window.sawProgress"))
                    .isEqualTo(true);
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/requirements/" + at + "/evidence/file"))
                    .isEmpty();
            browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", stored);
            browser.screenshot("upload");

            // On the page drawn again the scan is the requirement's evidence, with its download link.
            browser.go("/");
            browser.go("/assessments/" + assessmentId + "#req-" + at);
            WebElement section = browser.find(By.id("req-" + at));
            assertThat(section.findElement(By.cssSelector("table.evidence")).getText())
                    .contains("nmap-smartcam.xml", engineer.username());
            String download =
                    section.findElement(By.linkText("nmap-smartcam.xml")).getAttribute("href");
            assertThat(download).contains("/api/v1/evidence/").endsWith("/content");
            // The session that shows the page may download what it lists.
            assertThat(browser.driver()
                            .executeAsyncScript(
                                    "var done = arguments[arguments.length - 1];"
                                            + " fetch(arguments[0]).then(function (r) { return r.text(); })"
                                            + ".then(function (t) { done(t.indexOf('nmaprun') >= 0); });",
                                    download))
                    .isEqualTo(true);
            assertThat(browser.consoleProblems()).isEmpty();

            // The row a still-reading analysis polls for, drawn on its own.
            String evidenceId = api.get(engineer, "/api/v1/requirement-assessments/" + at + "/evidence")
                    .expect(200)
                    .json()
                    .get(0)
                    .get("id")
                    .asText();
            browser.go("/assessments/" + assessmentId + "/evidence/" + evidenceId + "/analysis");
            assertThat(browser.text()).contains("nmap-smartcam.xml", "nmap.cleartext-login");
        }
    }

    @Test
    void aRowWhoseAnalysisNeverComesStopsAskingAndSaysSo() {
        String assessmentId = fixtures.openFullStandardAssessment(officer);
        String at = requirement(assessmentId, "5.6-1").get("id").asText();
        // An analysis address that never answers with a result: every question is refused.
        String never = "/assessments/" + assessmentId + "/evidence/" + UUID.randomUUID() + "/analysis";

        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.signIn(engineer.username(), engineer.password());
            browser.go("/assessments/" + assessmentId + "#req-" + at);
            browser.driver()
                    .executeScript("window.asked = 0; var open = XMLHttpRequest.prototype.open;"
                            + " XMLHttpRequest.prototype.open = function (method, url) {"
                            + " if (String(url).indexOf('/analysis') >= 0) { window.asked += 1; }"
                            + " return open.apply(this, arguments); };");
            browser.driver()
                    .executeScript(
                            "var row = document.createElement('li'); row.className = 'upload-result stored';"
                                    + " row.setAttribute('data-file', 'slow.bin');"
                                    + " var pending = document.createElement('div'); pending.className = 'analysing';"
                                    + " pending.setAttribute('data-analysis-url', arguments[1]);"
                                    + " pending.setAttribute('data-poll-delay', '5'); pending.textContent = 'Analysing';"
                                    + " row.appendChild(pending);"
                                    + " document.querySelector('#req-' + arguments[0] + ' [data-upload-results]')"
                                    + ".appendChild(row);",
                            at,
                            never);

            WebElement note = browser.find(By.cssSelector("li[data-file='slow.bin'] .analysis-pending"));
            assertThat(note.getAttribute("role")).isEqualTo("status");
            assertThat(note.getText()).contains("still running", "reload the page later");
            // It gave up after thirty questions.
            assertThat(browser.driver().executeScript("return window.asked")).isEqualTo(30L);
            assertThat(browser.consoleProblemsBesidesRefusalsAt(never)).isEmpty();
        }
    }

    @Test
    void withoutTheScriptTheFormPostsEveryFileAndAFileOverTheLimitIsRefusedAtItsRow() throws IOException {
        String assessmentId = fixtures.openFullStandardAssessment(officer);
        String at = requirement(assessmentId, "5.6-1").get("id").asText();
        Path scan = sample("nmap-smartcam.xml");
        Path empty = Files.createFile(files.resolve("empty-notes.txt"));
        Path large = files.resolve("firmware-dump.bin");
        Files.write(large, new byte[(int) (TestInstallation.UPLOAD_LIMIT_BYTES + 200_000)]);

        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.signIn(engineer.username(), engineer.password());
            browser.go("/assessments/" + assessmentId + "#req-" + at);

            // With the script: a file over the limit is refused before the page's handler reads it.
            browser.driver()
                    .findElement(By.id("files-" + at))
                    .sendKeys(large.toAbsolutePath().toString());
            WebElement tooLarge =
                    browser.find(By.cssSelector("li.upload-result.refused[data-file='firmware-dump.bin']"));
            assertThat(tooLarge.findElement(By.cssSelector("[role=alert]")).getText())
                    .contains("larger than the 1 MB");
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/requirements/" + at + "/evidence/file"))
                    .isEmpty();

            // Without it (a copy of the form has no listeners): one post, the page comes back with each file's fate.
            browser.driver()
                    .executeScript("var form = document.querySelector('#req-" + at + " form.upload');"
                            + " var copy = form.cloneNode(true); form.replaceWith(copy);"
                            + " copy.querySelector('[data-upload-submit]').hidden = false;");
            browser.driver()
                    .findElement(By.id("files-" + at))
                    .sendKeys(scan.toAbsolutePath() + "\n" + empty.toAbsolutePath());
            browser.submitAndAwaitNextPage(browser.find(By.id("upload-" + at)));
            WebElement refused = browser.find(By.cssSelector("li.upload-result.refused[data-file='empty-notes.txt']"));
            assertThat(refused.getText()).contains("The file is empty; nothing was stored.");
            assertThat(browser.find(By.cssSelector("li.upload-result.stored[data-file='nmap-smartcam.xml']"))
                            .getText())
                    .contains("nmap.cleartext-login");
            assertThat(browser.find(By.cssSelector("#req-" + at + " table.evidence"))
                            .getText())
                    .contains("nmap-smartcam.xml");
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/requirements/" + at + "/evidence"))
                    .isEmpty();

            // Too large, and at an address that names no assessment: a page in words with the right status.
            String nowhere = "/assessments/" + UUID.randomUUID() + "/requirements/" + UUID.randomUUID() + "/evidence";
            Object answer = browser.driver()
                    .executeAsyncScript(
                            "var done = arguments[arguments.length - 1]; var csrf = window.conformity.csrf();"
                                    + " var data = new FormData();"
                                    + " data.append('files', new Blob([new Uint8Array(arguments[0])]), 'big.bin');"
                                    + " var headers = {}; headers[csrf.header] = csrf.token;"
                                    + " fetch(arguments[1], {method: 'POST', body: data, headers: headers})"
                                    + ".then(function (r) { return r.text().then(function (t) {"
                                    + " done(r.status + ' ' + t); }); });",
                            TestInstallation.UPLOAD_LIMIT_BYTES + 200_000,
                            nowhere);
            assertThat((String) answer)
                    .startsWith("404 ")
                    .contains("role=\"alert\"")
                    .doesNotContain("Exception");
            assertThat(browser.consoleProblemsBesidesRefusalsAt(nowhere)).isEmpty();
        }
    }

    @Test
    void aDeclarationFormShowsTheErrorAtItsFieldKeepsTheOtherAnswersAndThenDeclares() {
        String assessmentId = fixtures.openFullStandardAssessment(officer);
        String at = requirement(assessmentId, "5.2-1").get("id").asText();

        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.signIn(engineer.username(), engineer.password());
            browser.go("/assessments/" + assessmentId + "#req-" + at);
            browser.find(By.cssSelector("#req-" + at + " a[data-declaration-kind='vulnerability-disclosure']"))
                    .click();
            browser.find(By.id("declaration-form"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Vulnerability disclosure policy");

            browser.find(By.id("policyUrl")).sendKeys("https://smartcam-devices.co.uk/security/policy");
            browser.find(By.id("contacts.0.email")).sendKeys("psirt@smartcam-devices.co.uk");
            browser.find(By.id("acknowledgementDays")).sendKeys("0");
            browser.find(By.id("statusUpdateDays")).sendKeys("14");
            for (String box : new String[] {
                "withoutPriorRequest",
                "inEnglish",
                "freeOfCharge",
                "noPersonalInformationRequired",
                "accessibleWithoutAccount"
            }) {
                browser.find(By.id("publication." + box)).click();
            }
            browser.submitAndAwaitNextPage(browser.find(By.id("declare")));

            WebElement error = browser.find(By.id("acknowledgementDays-error"));
            assertThat(error.getText()).isNotBlank();
            WebElement days = browser.find(By.id("acknowledgementDays"));
            assertThat(days.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(days.getAttribute("aria-describedby")).contains("acknowledgementDays-error");
            assertThat(browser.find(By.id("policyUrl")).getAttribute("value"))
                    .isEqualTo("https://smartcam-devices.co.uk/security/policy");
            assertThat(browser.find(By.id("contacts.0.email")).getAttribute("value"))
                    .isEqualTo("psirt@smartcam-devices.co.uk");
            assertThat(browser.find(By.id("publication.inEnglish")).isSelected())
                    .isTrue();
            assertThat(browser.find(By.id("declaration-errors")).getText()).isNotBlank();
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/declarations/vulnerability-disclosure"))
                    .isEmpty();
            browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", days);
            browser.screenshot("declaration-form");

            days.clear();
            days.sendKeys("5");
            browser.submitAndAwaitNextPage(browser.find(By.id("declare")));
            assertThat(browser.driver().getCurrentUrl()).contains("/assessments/" + assessmentId + "#req-" + at);
            assertThat(browser.find(By.cssSelector("#req-" + at + " table.evidence"))
                            .getText())
                    .contains("vulnerability-disclosure.json", "Declaration: vulnerability-disclosure");
            assertThat(browser.consoleProblems()).isEmpty();
        }
    }

    @Test
    void aCommentAndAStatementOfWhyNoEvidenceAreRefusedEmptyAtTheirFieldAndThenShown() {
        String assessmentId = fixtures.openFullStandardAssessment(officer);
        String principle = requirement(assessmentId, "5.6-1").get("principle").asText();
        String at = requirement(assessmentId, "5.6-4").get("id").asText();

        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.signIn(engineer.username(), engineer.password());
            browser.go("/assessments/" + assessmentId);
            // Principles start closed; the summary opens one.
            browser.find(By.cssSelector("#principle-" + principle + " > summary"))
                    .click();
            browser.submitAndAwaitNextPage(browser.find(By.id("comment-submit-" + principle)));
            assertThat(browser.find(By.id("comment-" + principle + "-error")).getText())
                    .isNotBlank();
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/principles/" + principle + "/comments"))
                    .isEmpty();

            browser.find(By.id("comment-" + principle)).sendKeys("Port 12323 is the installer's bench console.");
            browser.submitAndAwaitNextPage(browser.find(By.id("comment-submit-" + principle)));
            assertThat(browser.driver().getCurrentUrl()).endsWith("#conversation-" + principle);
            assertThat(browser.find(By.id("conversation-" + principle)).getText())
                    .contains("Port 12323 is the installer's bench console.", engineer.username(), "Engineer");
            assertThat(browser.consoleProblems()).isEmpty();

            // A requirement without evidence gets the engineer's statement of why, refused empty at its field.
            browser.find(By.cssSelector("#req-" + at + " .statement-form > summary"))
                    .click();
            browser.submitAndAwaitNextPage(
                    browser.find(By.cssSelector("#req-" + at + " .statement-form button[type=submit]")));
            assertThat(browser.find(By.id("statement-" + at + "-error")).getText())
                    .isNotBlank();
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/requirements/" + at + "/no-evidence-statement"))
                    .isEmpty();
            browser.find(By.id("statement-" + at)).sendKeys("The camera has no debug interface.");
            // The answer is the same page again: wait for the new one, not for what the old one had.
            browser.submitAndAwaitNextPage(
                    browser.find(By.cssSelector("#req-" + at + " .statement-form button[type=submit]")));
            assertThat(browser.find(By.cssSelector("#req-" + at + " .statement"))
                            .getText())
                    .contains("No evidence because", "The camera has no debug interface.");
            assertThat(browser.consoleProblems()).isEmpty();
        }
    }

    @Test
    void anIssuedAssessmentShowsVerdictsSignOffsAndDeclarationsAndTheNextReleaseCarriesItsEvidenceOver()
            throws IOException {
        Credentials signatory = fixtures.user("aps", "Sara Signatory", "Director", "SIGNATORY");
        fixtures.team(signatory);
        String release1 = fixtures.release(officer);
        String productId = api.get(officer, "/api/v1/releases/" + release1)
                .expect(200)
                .json()
                .get("productId")
                .asText();
        String first = fixtures.openAssessment(officer, release1).get("id").asText();
        JsonNode requirement = null;
        for (JsonNode r : api.get(officer, "/api/v1/assessments/" + first)
                .expect(200)
                .json()
                .get("requirements")) {
            if (requirement == null && r.get("applicable").asBoolean()) {
                requirement = r;
            }
        }
        String principle = requirement.get("principle").asText();
        api.upload(
                        engineer,
                        "/api/v1/requirement-assessments/"
                                + requirement.get("id").asText() + "/evidence",
                        "nmap-smartcam.xml",
                        Files.readAllBytes(sample("nmap-smartcam.xml")))
                .expect(201);
        fixtures.completeAllPrinciples(engineer, officer, first, "PASS");
        fixtures.approveAndAwaitDeclaration(signatory, first);
        String second = fixtures.openAssessment(officer, fixtures.newRelease(officer, productId))
                .get("id")
                .asText();

        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.signIn(officer.username(), officer.password());
            browser.go("/assessments/" + first + "#principle-" + principle + "-content");
            assertThat(browser.find(By.id("assessment-status")).getText()).isEqualTo("Issued");
            assertThat(browser.find(By.cssSelector("#declarations a[href^='/register/']"))
                            .getText())
                    .contains("PSTI");
            assertThat(browser.find(By.id("closure-link")).getAttribute("href"))
                    .endsWith("/assessments/" + first + "/closure");
            WebElement opened = browser.find(By.id("principle-" + principle));
            assertThat(opened.findElement(By.cssSelector(".signoffs")).getText())
                    .contains("Submitted", "Accepted", engineer.username(), officer.username());
            assertThat(opened.findElement(By.cssSelector(".verdicts")).getText())
                    .contains("Final verdict", "PASS");
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("assessment-issued");
        }
        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.signIn(engineer.username(), engineer.password());
            browser.go("/assessments/" + second + "#principle-" + principle + "-content");
            // The answer has the address the page had: only a new document tells that it came.
            browser.submitAndAwaitNextPage(browser.find(By.id("carry-" + principle)));
            assertThat(browser.driver().getCurrentUrl()).endsWith("#principle-" + principle + "-content");
            assertThat(browser.find(By.id("principle-" + principle)).getText())
                    .contains("nmap-smartcam.xml", "Carried from firmware", "was carried over");
            assertThat(browser.consoleProblems()).isEmpty();
        }
    }

    @Test
    void aProductNamedLikeAScriptIsShownAsTextAndThePageFitsATablet() {
        String releaseId = fixtures.release(officer, "Hostile Names Ltd", "<script>alert(1)</script>");
        String assessmentId =
                fixtures.openAssessment(officer, releaseId).get("id").asText();

        try (ChromeSession browser = ChromeSession.open(port, 820, 1180)) {
            browser.signIn(engineer.username(), engineer.password());
            browser.go("/assessments/" + assessmentId);
            assertThat(browser.find(By.tagName("h1")).getText()).contains("<script>alert(1)</script>");
            assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            browser.find(By.cssSelector("details.principle > summary")).click();
            // Nothing wider than the tablet's window: tables scroll inside their boxes.
            assertThat(browser.driver()
                            .executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .isEqualTo(true);
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("assessment-tablet");
        }
    }
}
