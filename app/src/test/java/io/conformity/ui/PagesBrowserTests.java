package io.conformity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ChromeSession;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;

/** The frame every page shares, in a real browser: sign-in, the header, the strict content security policy. */
@ConformityIntegrationTest
class PagesBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void aSignedInPersonLandsOnTheHomePageWithNothingRefusedByThePolicy() {
        Credentials officer =
                new Fixtures(new ApiClient(port)).user("home", "Hana Home", "Officer", "COMPLIANCE_OFFICER");
        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.signIn(officer.username(), officer.password());
            assertThat(browser.find(By.tagName("h1")).getText()).contains("Hana Home");
            assertThat(browser.text()).contains("Dashboard", "Products", "Sign out");
            // htmx and the pages' script loaded from this origin: nothing refused, nothing failed.
            assertThat(browser.driver().executeScript("return typeof htmx")).isEqualTo("object");
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("home");
        }
    }
}
