package io.conformity.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ChromeSession;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;
import io.conformity.support.PdfFiles;
import io.conformity.support.TestInstallation;

/**
 * The whole certification through the pages, as the people who do it: an officer registers a product (named as an
 * attacker would name it), opens a PSTI assessment and confirms its scope; an engineer states the evidence and
 * submits each principle; the officer reviews and accepts; a signatory previews and approves; the declaration is
 * issued; an anonymous visitor checks the downloaded file, and a modified copy, on the public page. Three browser
 * sessions, one per person, side by side; the API is used only by the administrator who sets up the accounts and
 * the product's membership, and to wait for the background issuance.
 */
@ConformityIntegrationTest
class CertificationJourneyBrowserTests {

    private static final String HOSTILE_NAME = "<script>alert(1)</script>";

    @LocalServerPort
    int port;

    @Test
    void fromANewProductToAnIssuedDeclarationThatAnyoneCanVerify() throws Exception {
        ApiClient api = new ApiClient(port);
        Fixtures fixtures = new Fixtures(api);
        Credentials officer = fixtures.user("jo", "Olivia Officer", "Compliance officer", "COMPLIANCE_OFFICER");
        Credentials engineer = fixtures.user("je", "Ethan Engineer", "Firmware engineer", "ENGINEER");
        Credentials signatory = fixtures.user("js", "Sofia Signatory", "Managing director", "SIGNATORY");
        String suffix = UUID.randomUUID().toString().substring(0, 6);

        try (ChromeSession officerBrowser = ChromeSession.open(port);
                ChromeSession engineerBrowser = ChromeSession.open(port);
                ChromeSession signatoryBrowser = ChromeSession.open(port)) {
            // Officer: a new manufacturer and product, its profile, a release, and a PSTI assessment.
            officerBrowser.signIn(officer.username(), officer.password());
            officerBrowser.go("/products");
            officerBrowser.find(By.id("new-product")).click();
            new Select(officerBrowser.find(By.id("manufacturerId"))).selectByValue("new");
            officerBrowser.find(By.id("manufacturerName")).sendKeys("Journey Devices " + suffix);
            officerBrowser.find(By.id("manufacturerAddress")).sendKeys("1 Journey Road\nLeeds LS1 1AA");
            officerBrowser.find(By.id("modelDesignation")).sendKeys(HOSTILE_NAME);
            officerBrowser.find(By.id("productType")).sendKeys("smart camera " + suffix);
            officerBrowser
                    .driver()
                    .executeScript(
                            "arguments[0].value = arguments[1]",
                            officerBrowser.find(By.id("supportPeriodEnd")),
                            "2032-03-31");
            officerBrowser.find(By.id("create-product")).click();
            officerBrowser.find(By.id("created"));
            assertThat(officerBrowser.find(By.id("product-name")).getText()).isEqualTo(HOSTILE_NAME);
            assertNoAlert(officerBrowser);
            String productId = path(officerBrowser.driver().getCurrentUrl()).replaceFirst("^/products/", "");

            // Each of these answers with the product page again: wait for the new page, not for its address.
            officerBrowser.submitAndAwaitNextPage(officerBrowser.find(By.id("profile-version-V2.1.1")));
            for (WebElement yes : officerBrowser.all(By.cssSelector("#profile-form input[id$='-yes']"))) {
                yes.click();
            }
            officerBrowser.find(By.id("conditions.3-no")).click();
            officerBrowser.find(By.id("conditions.4-no")).click();
            officerBrowser.submitAndAwaitNextPage(officerBrowser.find(By.id("save-profile")));
            officerBrowser.find(By.id("saved"));

            officerBrowser.find(By.id("firmwareVersion")).sendKeys("3.0.0");
            officerBrowser.find(By.id("batch")).sendKeys("J-" + suffix);
            officerBrowser.submitAndAwaitNextPage(officerBrowser.find(By.id("add-release")));
            String releaseId = officerBrowser
                    .find(By.cssSelector("article.release"))
                    .getAttribute("id")
                    .substring("release-".length());
            officerBrowser.find(By.id("open-assessment-" + releaseId)).click();
            // PSTI is ticked already.
            officerBrowser.submitAndAwaitNextPage(officerBrowser.find(By.id("open-" + releaseId)));
            String assessmentPath =
                    path(officerBrowser.find(By.id("opened-assessment")).getAttribute("href"));
            String assessmentId = assessmentPath.replaceFirst("^/assessments/", "");
            officerBrowser.find(By.id("opened-scope-task")).click();
            officerBrowser.find(By.id("confirm-scope")).click();
            officerBrowser.waitUntil(d -> path(d.getCurrentUrl()).startsWith(assessmentPath));
            assertThat(officerBrowser.consoleProblems()).isEmpty();

            // The administrator makes the engineer and the signatory members of the product.
            fixtures.productMembers(productId, engineer, signatory);

            // Engineer: why no file exists for each requirement, then each principle submitted from its task.
            engineerBrowser.signIn(engineer.username(), engineer.password());
            engineerBrowser.go(assessmentPath);
            assertThat(engineerBrowser.find(By.id("assessment-title")).getText())
                    .contains(HOSTILE_NAME);
            assertNoAlert(engineerBrowser);
            int statements = 0;
            while (!engineerBrowser.all(By.cssSelector(".statement-form")).isEmpty()) {
                WebElement form =
                        engineerBrowser.all(By.cssSelector(".statement-form")).get(0);
                openEnclosingPrinciple(engineerBrowser, form);
                form.findElement(By.tagName("summary")).click();
                form.findElement(By.tagName("textarea"))
                        .sendKeys("The camera has no such interface; see the design documentation, section 4.");
                // The answer is the same page again: wait for the new one, not just for its address.
                engineerBrowser.submitAndAwaitNextPage(form.findElement(By.cssSelector("button[type=submit]")));
                assertThat(++statements).isLessThan(40);
            }
            assertThat(statements).isPositive();
            List<String> collectTasks = taskLinks(engineerBrowser);
            assertThat(collectTasks).isNotEmpty();
            for (String task : collectTasks) {
                engineerBrowser.go(task);
                engineerBrowser.find(By.id("submit-principle")).click();
                engineerBrowser.waitUntil(d -> path(d.getCurrentUrl()).startsWith(assessmentPath));
            }
            assertThat(taskLinks(engineerBrowser)).isEmpty();
            assertThat(engineerBrowser.consoleProblems()).isEmpty();

            // Officer: each principle reviewed, every requirement passed with a reason, and accepted.
            List<String> reviews = taskLinks(officerBrowser);
            assertThat(reviews).hasSameSizeAs(collectTasks);
            for (String review : reviews) {
                officerBrowser.go(review);
                for (WebElement verdict : officerBrowser.all(By.cssSelector("select[id^='verdict-']"))) {
                    new Select(verdict).selectByValue("PASS");
                    String requirement = verdict.getAttribute("id").substring("verdict-".length());
                    WebElement justification = officerBrowser.find(By.id("justification-" + requirement));
                    justification.clear();
                    justification.sendKeys("The statement is consistent with the design documentation.");
                }
                officerBrowser.find(By.id("accept")).click();
                officerBrowser.waitUntil(d -> path(d.getCurrentUrl()).startsWith(assessmentPath));
            }
            assertThat(officerBrowser.consoleProblems()).isEmpty();

            // Signatory: the approval task on the home page, the preview as it will be issued, approve.
            signatoryBrowser.signIn(signatory.username(), signatory.password());
            signatoryBrowser.go("/");
            signatoryBrowser.find(By.cssSelector("#tasks a[href^='/tasks/']")).click();
            List<WebElement> pages = signatoryBrowser.waitUntil(d -> {
                List<WebElement> images = d.findElements(By.cssSelector("img.preview-page"));
                return !images.isEmpty() && images.stream().allMatch(CertificationJourneyBrowserTests::loaded)
                        ? images
                        : null;
            });
            assertThat(pages).isNotEmpty();
            signatoryBrowser.find(By.id("placeOfIssue")).sendKeys("Leeds, United Kingdom");
            signatoryBrowser.find(By.id("approve")).click();
            signatoryBrowser.waitUntil(d -> path(d.getCurrentUrl()).startsWith(assessmentPath));
            fixtures.awaitStatus(assessmentId, "ISSUED", Duration.ofMinutes(1));
            signatoryBrowser.go(assessmentPath);
            assertThat(signatoryBrowser.find(By.id("assessment-status")).getText())
                    .contains("Issued");
            signatoryBrowser
                    .find(By.cssSelector("#declarations a[href^='/register/']"))
                    .click();
            String download = path(signatoryBrowser.find(By.id("download-pdf")).getAttribute("href"));
            assertThat(signatoryBrowser.consoleProblems()).isEmpty();
            byte[] pdf = api.get(signatory, download).expect(200).body();
            // The hostile name is printed as the characters it is, not interpreted.
            assertThat(PdfFiles.text(pdf).replaceAll("\\s+", " ")).contains(HOSTILE_NAME);

            // Anyone: the file as received is valid; one changed byte makes it not valid.
            Path folder = TestInstallation.newDataDirectory("journey-");
            Path genuine = Files.write(folder.resolve("statement-of-compliance.pdf"), pdf);
            Path forged = Files.write(folder.resolve("statement-of-compliance-edited.pdf"), PdfFiles.tampered(pdf));
            try (ChromeSession anonymous = ChromeSession.open(port)) {
                assertThat(verify(anonymous, genuine)).endsWith("Valid");
                anonymous.screenshot("journey-verified");
                assertThat(verify(anonymous, forged)).endsWith("Not valid");
                assertThat(anonymous.find(By.id("verification-result")).getText())
                        .contains("changed after it was signed");
                assertThat(anonymous.consoleProblems()).isEmpty();
            }
        }
    }

    private static String verify(ChromeSession browser, Path file) {
        browser.go("/verify");
        browser.driver()
                .findElement(By.id("file"))
                .sendKeys(file.toAbsolutePath().toString());
        browser.submitAndAwaitNextPage(browser.find(By.id("verify-button")));
        return browser.find(By.cssSelector("#verification-result h2")).getText().trim();
    }

    /** The open task links of the caller's home page. */
    private static List<String> taskLinks(ChromeSession browser) {
        browser.go("/");
        return browser.all(By.cssSelector("#tasks a[href^='/tasks/']")).stream()
                .map(a -> path(a.getAttribute("href")))
                .distinct()
                .toList();
    }

    /** Principles start folded on a long page: open the one around the form, as a person clicks its heading. */
    private static void openEnclosingPrinciple(ChromeSession browser, WebElement element) {
        Object open = browser.driver()
                .executeScript(
                        "const d = arguments[0].closest('details.principle'); return d == null || d.open", element);
        if (!Boolean.TRUE.equals(open)) {
            WebElement principle = (WebElement)
                    browser.driver().executeScript("return arguments[0].closest('details.principle')", element);
            principle.findElement(By.cssSelector(":scope > summary")).click();
        }
    }

    private static void assertNoAlert(ChromeSession browser) {
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private static String path(String url) {
        return url.replaceFirst("^https?://[^/]+", "").replaceFirst("[?#].*$", "");
    }

    /** Whether an image has loaded (a broken or pending image has no natural width). */
    private static boolean loaded(WebElement image) {
        String width = image.getDomProperty("naturalWidth");
        return width != null && !"0".equals(width);
    }
}
