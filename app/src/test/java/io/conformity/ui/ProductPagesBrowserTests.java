package io.conformity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ChromeSession;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;

/** An officer's way from nothing to an open assessment, through the product pages only, in a real browser. */
@ConformityIntegrationTest
class ProductPagesBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void anOfficerRegistersAProductAnswersItsProfileAddsAReleaseAndOpensAnAssessment() {
        Credentials officer =
                new Fixtures(new ApiClient(port)).user("prod", "Petra Pages", "Officer", "COMPLIANCE_OFFICER");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.signIn(officer.username(), officer.password());
            browser.go("/products");
            browser.find(By.id("new-product")).click();
            browser.find(By.id("product-form"));
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/products", "/releases/"))
                    .isEmpty();
            browser.screenshot("product-new");

            // Nothing typed: every required field says so at the field, and nothing is stored.
            browser.submitAndAwaitNextPage(browser.find(By.id("create-product")));
            assertThat(browser.find(By.id("modelDesignation-error")).getText()).contains("must not be blank");
            assertThat(browser.find(By.id("manufacturer.name-error")).getText()).contains("must not be blank");
            assertThat(browser.find(By.id("modelDesignation")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(browser.find(By.id("modelDesignation")).getAttribute("aria-describedby"))
                    .contains("modelDesignation-error");
            assertThat(browser.find(By.cssSelector(".alert[role=alert]")).getText())
                    .contains("nothing was saved");

            // A support period that ended: refused at its field, and what was typed stays. Each answer is awaited as a
            // new page: the refused page before it had a supportPeriodEnd-error too.
            browser.find(By.id("manufacturerName")).sendKeys("Pages Devices " + suffix);
            browser.find(By.id("manufacturerAddress")).sendKeys("1 Page Street\nLeeds LS1 1AA");
            browser.find(By.id("modelDesignation")).sendKeys("PD-" + suffix);
            browser.find(By.id("productType")).sendKeys("smart camera");
            setValue(browser, "supportPeriodEnd", "2020-01-31");
            browser.submitAndAwaitNextPage(browser.find(By.id("create-product")));
            assertThat(browser.find(By.id("supportPeriodEnd-error")).getText()).contains("must be after today");
            assertThat(browser.find(By.id("modelDesignation")).getAttribute("value"))
                    .isEqualTo("PD-" + suffix);
            assertThat(browser.find(By.id("manufacturerAddress")).getAttribute("value"))
                    .contains("1 Page Street");
            assertThat(browser.all(By.id("modelDesignation-error"))).isEmpty();
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/products", "/releases/"))
                    .isEmpty();
            browser.screenshot("product-new-refused");

            setValue(browser, "supportPeriodEnd", "2031-12-31");
            browser.submitAndAwaitNextPage(browser.find(By.id("create-product")));
            browser.find(By.id("created"));
            assertThat(browser.find(By.id("product-name")).getText()).isEqualTo("PD-" + suffix);
            assertThat(browser.text()).contains("Pages Devices " + suffix, "31 December 2031");

            // The profile of the version PSTI relies on (its link loads the page anew): half answered is refused at the
            // unanswered conditions.
            browser.submitAndAwaitNextPage(browser.find(By.id("profile-version-V2.1.1")));
            browser.find(By.id("conditions.1-yes")).click();
            browser.submitAndAwaitNextPage(browser.find(By.id("save-profile")));
            assertThat(browser.find(By.id("conditions.2-error")).getText()).contains("not answered");
            assertThat(browser.find(By.id("conditions.1-yes")).isSelected()).isTrue();
            for (WebElement yes : browser.all(By.cssSelector("#profile-form input[id$='-yes']"))) {
                yes.click();
            }
            browser.find(By.id("conditions.3-no")).click();
            browser.find(By.id("conditions.4-no")).click();
            browser.submitAndAwaitNextPage(browser.find(By.id("save-profile")));
            browser.find(By.id("saved"));
            assertThat(browser.find(By.id("conditions.3-no")).isSelected()).isTrue();
            assertThat(browser.text()).contains("Last saved by " + officer.username());

            // A release: empty is refused at the field, then added.
            browser.submitAndAwaitNextPage(browser.find(By.id("add-release")));
            assertThat(browser.find(By.id("firmwareVersion-error")).getText()).contains("must not be blank");
            browser.find(By.id("firmwareVersion")).sendKeys("2.4.1");
            browser.find(By.id("batch")).sendKeys("B-" + suffix);
            browser.submitAndAwaitNextPage(browser.find(By.id("add-release")));
            browser.find(By.id("saved"));
            WebElement release = browser.find(By.cssSelector("article.release"));
            String releaseId = release.getAttribute("id").substring("release-".length());
            assertThat(release.getText()).contains("Firmware 2.4.1", "No assessments yet.");

            // Opening an assessment: no regime is refused at the field; PSTI opens it.
            browser.find(By.id("open-assessment-" + releaseId)).click();
            browser.find(By.id("regime-" + releaseId + "-PSTI")).click();
            browser.submitAndAwaitNextPage(browser.find(By.id("open-" + releaseId)));
            assertThat(browser.find(By.id("regimes-error")).getText()).isNotBlank();
            browser.find(By.id("regime-" + releaseId + "-PSTI")).click();
            browser.submitAndAwaitNextPage(browser.find(By.id("open-" + releaseId)));
            WebElement opened = browser.find(By.id("opened-assessment"));
            String assessmentPath = opened.getAttribute("href").replaceFirst("^https?://[^/]+", "");
            assertThat(assessmentPath).matches("/assessments/[0-9a-f-]{36}");
            assertThat(browser.find(By.id("release-" + releaseId)).getText()).contains("PSTI", "IN PROGRESS");
            // The process started with the opening: the scope step waits for this officer.
            String scopeTask = browser.find(By.id("opened-scope-task")).getAttribute("href");
            assertThat(scopeTask).matches(".*/tasks/[^/]+");
            assertThat(browser.all(By.cssSelector("#release-" + releaseId + " a[href='" + assessmentPath + "']")))
                    .isNotEmpty();
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/products", "/releases/"))
                    .isEmpty();
            browser.screenshot("product");

            browser.go("/products?q=PD-" + suffix);
            assertThat(browser.find(By.id("products")).getText()).contains("PD-" + suffix, "smart camera");
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/products", "/releases/"))
                    .isEmpty();
            browser.screenshot("products");

            browser.go("/");
            assertThat(browser.find(By.id("tasks")).getText()).contains("Confirm scope", "PD-" + suffix, "2.4.1");
            assertThat(browser.all(By.cssSelector("#tasks a[href='" + assessmentPath + "']")))
                    .isNotEmpty();
        }
    }

    /** Date inputs take typed text in the browser's locale; the value is set as the form sends it. */
    private static void setValue(ChromeSession browser, String id, String value) {
        browser.driver().executeScript("arguments[0].value = arguments[1]", browser.find(By.id(id)), value);
    }
}
