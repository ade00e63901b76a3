package io.conformity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    @Test
    void theDashboardCountsAndShowsTheAssessmentsOfTheCallersProductsOnly() {
        Fixtures fixtures = new Fixtures(new ApiClient(port));
        Credentials officer = fixtures.user("cnt", "Carla Counter", "Officer", "COMPLIANCE_OFFICER");
        String assessmentId = fixtures.openAssessment(officer, fixtures.release(officer))
                .get("id")
                .asText();
        String mine = page(officer, "/dashboard");
        assertThat(count(mine, "IN_PROGRESS")).isEqualTo(1);
        assertThat(count(mine, "APPROVED")).isZero();
        assertThat(count(mine, "ISSUED")).isZero();
        assertThat(count(mine, "NOT_CERTIFIED")).isZero();
        assertThat(mine).contains("id=\"assessment-" + assessmentId + "\"", ">No findings</title>");

        // Every other test's assessments are on other products: none is counted or shown.
        Credentials other = fixtures.user("cnt-other", "Otto Other", "Officer", "COMPLIANCE_OFFICER");
        String theirs = page(other, "/dashboard");
        assertThat(count(theirs, "IN_PROGRESS")).isZero();
        assertThat(count(theirs, "ISSUED")).isZero();
        assertThat(theirs).contains("id=\"no-assessments\"").doesNotContain(assessmentId);
    }

    /** The number on the dashboard's tab of one status. */
    private static long count(String dashboard, String status) {
        Matcher tab = Pattern.compile("id=\"status-" + status + "\"[\\s\\S]*?<span class=\"count\">(\\d+)</span>")
                .matcher(dashboard);
        assertThat(tab.find()).as(status).isTrue();
        return Long.parseLong(tab.group(1));
    }

    private String page(Credentials user, String path) {
        Browser browser = new Browser(port);
        browser.signIn(user.username(), user.password());
        return browser.get(path).expect(200).text();
    }

    private String home(Credentials user) {
        Browser browser = new Browser(port);
        browser.signIn(user.username(), user.password());
        return browser.get("/").expect(200).text();
    }
}
