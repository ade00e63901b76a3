package io.conformity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.Browser;
import io.conformity.support.ChromeSession;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;
import io.conformity.support.MutableClock;
import io.conformity.support.PdfFiles;

/**
 * The register and verification pages in a real browser: a regulator searches the register, anyone reads a
 * declaration's entry (where its printed QR code leads) and checks a PDF they hold, in plain words.
 */
@ConformityIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    ApiClient api;
    Fixtures fixtures;
    Credentials engineer;
    Credentials officer;
    Credentials signatory;
    String tag;
    String declarationId;
    Path issued;

    /** One issued declaration for every test: issuing takes the whole workflow. */
    @BeforeAll
    void issueADeclaration() throws Exception {
        ChromeSession.requireChromium();
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        engineer = fixtures.user("pub-eng", "Eve Engineer", "Engineer", "ENGINEER");
        officer = fixtures.user("pub-off", "Oscar Officer", "Officer", "COMPLIANCE_OFFICER");
        signatory = fixtures.user("pub-sig", "Sid Signatory", "Director", "SIGNATORY");
        fixtures.team(engineer, officer, signatory);
        tag = "Pub" + UUID.randomUUID().toString().substring(0, 6);
        declarationId = fixtures.issuePsti(
                        engineer, officer, signatory, fixtures.release(officer, tag + " Devices Ltd", tag + "-CAM"))
                .get("id")
                .asText();
        byte[] pdf = api.get(officer, "/api/v1/declarations/" + declarationId + "/pdf")
                .expect(200)
                .body();
        Files.createDirectories(Path.of("target", "e2e"));
        issued = Path.of("target", "e2e", "public-pages-issued.pdf").toAbsolutePath();
        Files.write(issued, pdf);
    }

    @BeforeEach
    void freshMinute() {
        // Verifications are limited per address and minute; each test starts in a minute of its own.
        clock.advance(Duration.ofMinutes(1));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRegulatorSearchesTheRegisterAndAnyoneReadsADeclarationsEntry() {
        Credentials regulator = fixtures.user("pub-reg", "Rita Regulator", "Market surveillance", "REGULATOR");
        try (ChromeSession browser = ChromeSession.open(port)) {
            // The search, like GET /api/v1/register, is for regulators and the manufacturer's staff.
            browser.go("/register");
            browser.waitUntil(d -> d.getCurrentUrl().contains("/login"));

            browser.signIn(regulator.username(), regulator.password());
            browser.go("/register");
            browser.find(By.id("manufacturer")).sendKeys(tag);
            new Select(browser.find(By.id("status"))).selectByValue("ISSUED");
            // The search page lists results before the search too: wait for the answer, not for the list.
            browser.submitAndAwaitNextPage(browser.find(By.id("search-button")));
            WebElement results = browser.find(By.id("register-results"));
            assertThat(browser.find(By.id("result-count")).getText()).isEqualTo("1 declaration");
            assertThat(results.getText()).contains(tag + " Devices Ltd", tag + "-CAM", "UK PSTI", "Current");
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("register");

            browser.submitAndAwaitNextPage(results.findElement(By.partialLinkText(tag + "-CAM")));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/register/" + declarationId);
            assertThat(browser.find(By.id("entry-status")).getText())
                    .contains("Current", "This declaration is current.");
            assertThat(browser.find(By.id("download-pdf")).getAttribute("href"))
                    .endsWith("/api/v1/declarations/" + declarationId + "/pdf");
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("declaration");
        }
        try (ChromeSession anonymous = ChromeSession.open(port, 820, 1180)) {
            // The address printed on the declaration and in its QR code: a browser lands on the page.
            anonymous.go("/api/v1/register/" + declarationId);
            anonymous.waitUntil(d -> d.getCurrentUrl().endsWith("/register/" + declarationId));
            assertThat(anonymous.find(By.id("entry-status")).getText()).contains("This declaration is current.");
            assertThat(anonymous.text()).contains(tag + "-CAM", "UK PSTI", "Verify a copy you hold");
            // Downloading the file is for signed-in readers; a visitor sees its hash to compare.
            assertThat(anonymous.all(By.id("download-pdf"))).isEmpty();
            assertThat(anonymous.find(By.id("entry-sha256")).getText()).matches("[0-9a-f]{64}");
            assertNoHorizontalScroll(anonymous);
            assertThat(anonymous.consoleProblems()).isEmpty();
            anonymous.screenshot("declaration-tablet");
        }
    }

    @Test
    void anAnonymousVisitorVerifiesTheIssuedFileAndAModifiedCopyInPlainWords() throws Exception {
        byte[] genuine = Files.readAllBytes(issued);
        byte[] changed = PdfFiles.tampered(genuine);
        Path modified = issued.resolveSibling("public-pages-modified.pdf");
        Files.write(modified, changed);
        Path notPdf = issued.resolveSibling("public-pages-notes.txt");
        Files.writeString(notPdf, "Meeting notes, not a declaration.");

        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.go("/verify");
            // The script shows the drop zone; without it the plain file field works alone.
            assertThat(browser.find(By.id("drop-zone")).isDisplayed()).isTrue();
            assertThat(browser.consoleProblems()).isEmpty();

            browser.find(By.id("file")).sendKeys(issued.toString());
            browser.submitAndAwaitNextPage(browser.find(By.id("verify-button")));
            WebElement result = browser.find(By.id("verification-result"));
            assertThat(result.findElement(By.tagName("h2")).getText())
                    .endsWith("Valid")
                    .doesNotContain("Not");
            assertThat(browser.find(By.id("verdict-summary")).getText())
                    .startsWith("Valid: this is declaration " + declarationId);
            assertThat(result.getText())
                    .contains(
                            "Signature intact",
                            "Yes: the signed content is unchanged",
                            "Sid Signatory",
                            "The register lists it as issued and current.");
            assertThat(browser.find(By.id("verified-declaration")).getAttribute("href"))
                    .endsWith("/register/" + declarationId);
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("verify-valid");

            // The modified copy, dropped on the zone as a person would drag it there: the answer is the same address.
            WebElement before = browser.driver().findElement(By.tagName("html"));
            drop(browser, "declaration.pdf", changed);
            browser.waitUntil(ExpectedConditions.stalenessOf(before));
            assertThat(browser.find(By.id("verdict-summary")).getText()).startsWith("Not valid");
            result = browser.find(By.id("verification-result"));
            assertThat(result.findElement(By.tagName("h2")).getText()).endsWith("Not valid");
            assertThat(browser.find(By.id("verdict-reasons")).getText())
                    .contains("The file was changed after it was signed.");
            assertThat(result.getText()).contains("No: the signed content was changed after signing");
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("verify-invalid");

            browser.find(By.id("file")).sendKeys(notPdf.toString());
            browser.submitAndAwaitNextPage(browser.find(By.id("verify-button")));
            WebElement error = browser.find(By.id("file-error"));
            assertThat(error.getText()).contains("The file is not a PDF.");
            assertThat(browser.find(By.id("file")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find(By.id("file")).getAttribute("aria-describedby"))
                    .contains("file-error");
            assertThat(browser.find(By.cssSelector(".alert a[href='#file']")).getText())
                    .isEqualTo("Declaration PDF");
            assertThat(browser.all(By.id("verification-result"))).isEmpty();
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/verify")).isEmpty();
            browser.screenshot("verify-not-a-pdf");
        }
        try (ChromeSession tablet = ChromeSession.open(port, 820, 1180)) {
            tablet.go("/verify");
            tablet.find(By.id("file")).sendKeys(issued.toString());
            tablet.submitAndAwaitNextPage(tablet.find(By.id("verify-button")));
            assertThat(tablet.find(By.id("verdict-summary")).getText()).startsWith("Valid");
            assertNoHorizontalScroll(tablet);
            tablet.screenshot("verify-valid-tablet");
        }
    }

    @Test
    void aWithdrawnDeclarationSaysSoOnItsPageAndWhenVerified() throws Exception {
        String id = fixtures.issuePsti(
                        engineer, officer, signatory, fixtures.release(officer, tag + " Devices Ltd", tag + "-OLD"))
                .get("id")
                .asText();
        Path file = issued.resolveSibling("public-pages-withdrawn.pdf");
        Files.write(
                file,
                api.get(officer, "/api/v1/declarations/" + id + "/pdf")
                        .expect(200)
                        .body());
        api.post(officer, "/api/v1/declarations/" + id + "/withdrawal", Map.of("reason", "<b>Battery recall</b>"))
                .expect(200);

        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.go("/register/" + id);
            assertThat(browser.find(By.id("entry-status")).getText())
                    .contains("Withdrawn", "This declaration was withdrawn by the manufacturer. Do not rely on it.");
            // The reason is the manufacturer's text, shown as text.
            assertThat(browser.find(By.id("withdrawal-reason")).getText()).isEqualTo("<b>Battery recall</b>");
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("declaration-withdrawn");

            browser.go("/verify");
            browser.find(By.id("file")).sendKeys(file.toString());
            browser.submitAndAwaitNextPage(browser.find(By.id("verify-button")));
            WebElement result = browser.find(By.id("verification-result"));
            assertThat(result.findElement(By.tagName("h2")).getText()).endsWith("Genuine, but no longer current");
            assertThat(browser.find(By.id("verdict-reasons")).getText()).contains("withdrawn", "Battery recall");
            assertThat(result.getText()).contains("Withdrawn");
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("verify-not-current");
        }
    }

    @Test
    void theQrCodeAddressAnswersBrowsersWithThePageAndClientsWithJson() throws Exception {
        HttpClient client = HttpClient.newBuilder().build();
        URI address = URI.create("http://localhost:" + port + "/api/v1/register/" + declarationId);
        HttpResponse<String> browser = client.send(
                HttpRequest.newBuilder(address)
                        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(browser.statusCode()).isEqualTo(303);
        assertThat(browser.headers().firstValue("Location")).hasValue("/register/" + declarationId);

        for (String accept : new String[] {"application/json", "*/*", "text/html, application/json"}) {
            HttpResponse<String> json = client.send(
                    HttpRequest.newBuilder(address).header("Accept", accept).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(json.statusCode()).as(accept).isEqualTo(200);
            assertThat(json.body()).contains("\"status\":\"ISSUED\"");
        }
        HttpResponse<String> none =
                client.send(HttpRequest.newBuilder(address).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(200);
    }

    @Test
    void theVerificationFormSharesTheApisPerAddressLimit() {
        // A minute no other test uses: this one spends its whole allowance. It starts at the beginning of that minute,
        // so the loop cannot straddle two minutes and spend half an allowance in each.
        long intoMinute = clock.instant().plus(Duration.ofDays(3)).toEpochMilli() % 60_000;
        clock.advance(Duration.ofDays(3).plusMillis(60_000 - intoMinute + 500));
        Browser visitor = new Browser(port);
        visitor.get("/verify").expect(200);
        ApiClient.Response refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            ApiClient.Response response = visitor.postForm("/verify", Map.of());
            if (response.status() == 303) {
                refused = response;
            } else {
                // No file: told at the field, and it still counts against the allowance.
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.text()).contains("id=\"file-error\"");
            }
        }
        assertThat(refused).as("the 31st verification in a minute is refused").isNotNull();
        String location = refused.headers().getFirst("Location");
        assertThat(location).matches("/verify\\?retryAfter=[0-9]+");
        ApiClient.Response page = visitor.get(location);
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.text()).contains("Too many verifications from your address.", "Try again in");
        // The API shares the allowance.
        assertThat(api.send(
                                null,
                                HttpMethod.POST,
                                "/api/v1/verify",
                                "%PDF-1.7".getBytes(StandardCharsets.US_ASCII),
                                MediaType.APPLICATION_PDF)
                        .status())
                .isEqualTo(429);
    }

    /** Drops a file on the drop zone as the browser's drag and drop would (Selenium cannot drag from the desktop). */
    private static void drop(ChromeSession browser, String name, byte[] content) {
        browser.driver().executeScript("""
                        const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
                        const transfer = new DataTransfer();
                        transfer.items.add(new File([bytes], arguments[1], {type: 'application/pdf'}));
                        const zone = document.getElementById('drop-zone');
                        zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: transfer, bubbles: true, cancelable: true}));
                        zone.dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));
                        """, Base64.getEncoder().encodeToString(content), name);
    }

    /** The console's problems except the page's own status, which Chromium reports as a failed load. */
    private static void assertNoHorizontalScroll(ChromeSession browser) {
        Object overflow = browser.driver()
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue())
                .as("horizontal overflow in px")
                .isLessThanOrEqualTo(0);
    }
}
