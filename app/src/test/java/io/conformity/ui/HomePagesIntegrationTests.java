package io.conformity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.Browser;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;

/** The home page per role: where each role goes next, and no task list for roles that have no tasks. */
@ConformityIntegrationTest
class HomePagesIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aRegulatorIsSentToTheRegisterAndSeesNoTasks() {
        String page = home(new Fixtures(new ApiClient(port)).user("reg", "Rita Regulator", "Regulator", "REGULATOR"));
        assertThat(page).contains("id=\"go-register\"", "href=\"/register\"", "REGULATOR", "What changed");
        assertThat(page).doesNotContain("id=\"tasks-heading\"", "id=\"go-dashboard\"", "id=\"go-admin\"");
    }

    @Test
    void anAdministratorIsSentToAdministrationAndAnEngineerToTheirTasks() {
        Fixtures fixtures = new Fixtures(new ApiClient(port));
        String admin = home(fixtures.user("adm", "Ada Admin", "Administrator", "ADMIN"));
        assertThat(admin).contains("id=\"go-admin\"", "href=\"/admin\"").doesNotContain("id=\"tasks-heading\"");

        String engineer = home(fixtures.user("eng", "Erik Engineer", "Engineer", "ENGINEER"));
        assertThat(engineer)
                .contains("id=\"tasks-heading\"", "Nothing waits for you.", "id=\"go-products\"")
                .doesNotContain("id=\"go-dashboard\"");
    }

    private String home(Credentials user) {
        Browser browser = new Browser(port);
        browser.signIn(user.username(), user.password());
        return browser.get("/").expect(200).text();
    }
}
