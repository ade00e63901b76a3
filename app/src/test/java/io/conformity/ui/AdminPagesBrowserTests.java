package io.conformity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.conformity.identity.AuditedEvents;
import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.Browser;
import io.conformity.support.ChromeSession;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;
import io.conformity.support.TestInstallation;

/**
 * Administration, the account page and signing in, in a real browser: accounts with roles and temporary passwords,
 * product membership, storage and audit verification in words, personal API tokens shown once.
 */
@ConformityIntegrationTest
class AdminPagesBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditedEvents audited;

    @Test
    void anAdministratorCreatesAUserAddsThemToAProductAndVerifiesStorageAndAudit() {
        ApiClient api = new ApiClient(port);
        Fixtures fixtures = new Fixtures(api);
        Credentials officer = fixtures.user("adm-off", "Olga Officer", "Officer", "COMPLIANCE_OFFICER");
        String tag = "Adm" + UUID.randomUUID().toString().substring(0, 6);
        String releaseId = fixtures.release(officer, tag + " Appliances Ltd", tag + "-KETTLE");
        String productId = api.get(officer, "/api/v1/releases/" + releaseId)
                .expect(200)
                .json()
                .get("productId")
                .asText();
        String username = "ada-" + UUID.randomUUID().toString().substring(0, 8);

        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.signIn(TestInstallation.ADMIN_USERNAME, TestInstallation.ADMIN_PASSWORD);
            browser.go("/admin");
            assertThat(browser.text())
                    .contains("Users and roles", "Product membership", "Storage and audit verification");
            assertThat(browser.consoleProblems()).isEmpty();

            // A weak password is refused at its field; what was typed stays.
            browser.go("/admin/users");
            browser.find(By.id("username")).sendKeys(username);
            browser.find(By.id("displayName")).sendKeys("Ada Engineer");
            browser.find(By.id("role-ENGINEER")).click();
            browser.find(By.id("password")).sendKeys("aaaaaaaaaaaa");
            browser.submitAndAwaitNextPage(browser.find(By.id("create-user")));
            assertThat(browser.find(By.id("password-error")).getText()).isNotBlank();
            assertThat(browser.find(By.id("password")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(browser.find(By.id("username")).getAttribute("value")).isEqualTo(username);
            assertThat(browser.find(By.id("role-ENGINEER")).isSelected()).isTrue();
            // The summary at the top links to the field.
            assertThat(browser.find(By.cssSelector(".alert a[href='#password']"))
                            .getText())
                    .isEqualTo("Temporary password");
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/admin/users")).isEmpty();
            browser.screenshot("admin-users-error");

            // Left empty, the temporary password is generated and shown once.
            browser.submitAndAwaitNextPage(browser.find(By.id("create-user")));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/users/" + username);
            assertThat(browser.find(By.id("admin-saved")).getText()).contains("created", "temporary");
            String generated = browser.find(By.id("generated-password")).getAttribute("value");
            assertThat(generated).hasSize(24);
            assertThat(browser.text()).contains("ENGINEER");
            browser.go("/admin/users/" + username);
            assertThat(browser.all(By.id("generated-password"))).isEmpty();
            browser.go("/admin/users");
            assertThat(browser.find(By.id("user-list")).getText()).contains(username, "Ada Engineer");
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("admin-users");

            // The generated password works, and must be replaced first: the account was saved needing the change,
            // in the same step as the account itself, and audited once.
            Browser first = new Browser(port);
            assertThat(first.signIn(username, generated).headers().getFirst("Location"))
                    .endsWith("/");
            assertThat(first.get("/").expect(200).text()).contains("temporary password");
            assertThat(first.api("GET", "/api/v1/tasks", null, false).status()).isEqualTo(403);
            assertThat(jdbc.queryForObject(
                            "select password_change_required from app_user where username = ?",
                            Boolean.class,
                            username))
                    .isTrue();
            assertThat(audited.about(username))
                    .filteredOn(
                            e -> e.action().startsWith("user.") || e.action().startsWith("password."))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.action()).isEqualTo("user.created");
                        assertThat(e.change().get("changeRequired")).isEqualTo(true);
                    });

            // Membership: choose the product, add the new engineer; an unknown name is refused at the field.
            browser.go("/admin/products");
            new Select(browser.find(By.id("productId"))).selectByValue(productId);
            browser.submitAndAwaitNextPage(browser.find(By.id("show-members")));
            browser.find(By.id("username")).sendKeys("nobody-" + tag.toLowerCase());
            browser.submitAndAwaitNextPage(browser.find(By.id("add-member")));
            assertThat(browser.find(By.id("username-error")).getText()).contains("no account");
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/admin/products/" + productId + "/members"))
                    .isEmpty();
            browser.find(By.id("username")).clear();
            browser.find(By.id("username")).sendKeys(username);
            browser.submitAndAwaitNextPage(browser.find(By.id("add-member")));
            assertThat(browser.find(By.id("admin-saved")).getText()).contains(username + " added");
            assertThat(browser.find(By.id("member-list")).getText()).contains(username, officer.username());
            assertThat(api.get(fixtures.admin(), "/api/v1/products/" + productId + "/members")
                            .expect(200)
                            .text())
                    .contains(username);
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("admin-membership");

            // Storage and audit: the answer in words (other tests may have damaged either on purpose).
            browser.go("/admin/verification");
            browser.submitAndAwaitNextPage(browser.find(By.id("verify-storage")));
            assertThat(browser.find(By.id("storage-result")).getText())
                    .containsPattern("Storage (intact|damaged)")
                    .contains("Files re-hashed");
            browser.screenshot("admin-verification-storage");
            browser.submitAndAwaitNextPage(browser.find(By.id("verify-audit")));
            assertThat(browser.find(By.id("audit-result")).getText())
                    .containsPattern("Audit chain (intact|broken)")
                    .contains("Entries walked");
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("admin-verification");

            browser.go("/admin/incidents");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Issuance incidents");
            assertThat(browser.consoleProblems()).isEmpty();
        }

        // Anyone else meets the 403 page, in words.
        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.signIn(officer.username(), officer.password());
            browser.go("/admin/users");
            assertThat(browser.find(By.cssSelector("main .alert")).getText())
                    .isEqualTo("Your roles do not allow this page or action.");
            assertThat(browser.text()).contains("HTTP 403").doesNotContain("Ada Engineer");
            browser.screenshot("admin-forbidden");
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/admin/users")).isEmpty();
        }
    }

    @Test
    void aRoleTheFormDoesNotOfferIsRefusedAtTheRolesField() {
        Credentials engineer = new Fixtures(new ApiClient(port)).user("adm-rol", "Rolf Roles", "Engineer", "ENGINEER");
        Browser admin = new Browser(port);
        admin.signIn(TestInstallation.ADMIN_USERNAME, TestInstallation.ADMIN_PASSWORD);
        String username = "rol-" + UUID.randomUUID().toString().substring(0, 8);
        admin.get("/admin/users").expect(200);

        ApiClient.Response created = admin.postForm(
                "/admin/users", Map.of("username", username, "displayName", "Rita Root", "roles", "ROOT"));
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.text())
                .contains("id=\"roles-error\"", "choose among the roles listed", "value=\"" + username + "\"")
                .doesNotContain("Invalid address");
        assertThat(admin.get("/admin/users/" + username).status()).isEqualTo(404);

        admin.get("/admin/users/" + engineer.username()).expect(200);

        ApiClient.Response changed =
                admin.postForm("/admin/users/" + engineer.username() + "/roles", Map.of("roles", "ROOT"));
        assertThat(changed.status()).isEqualTo(400);
        assertThat(changed.text()).contains("id=\"roles-error\"", "choose among the roles listed");
        assertThat(admin.get("/admin/users/" + engineer.username()).text()).contains("ENGINEER");
    }

    @Test
    void aPersonCreatesATokenSeesItOnceAndRevokesIt() {
        ApiClient api = new ApiClient(port);
        Credentials engineer = new Fixtures(api).user("acct", "Arno Account", "Engineer", "ENGINEER");
        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.signIn(engineer.username(), engineer.password());
            browser.go("/account");
            assertThat(browser.consoleProblems()).isEmpty();

            // An e-mail address that is none is refused at the field.
            browser.find(By.id("email")).sendKeys("not-an-address");
            browser.submitAndAwaitNextPage(browser.find(By.cssSelector("#email-form button[type=submit]")));
            assertThat(browser.find(By.id("email-error")).getText()).isNotBlank();
            assertThat(browser.find(By.cssSelector("#email-form .alert a[href='#email']"))
                            .getText())
                    .isEqualTo("E-mail address");
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/account/email"))
                    .isEmpty();
            browser.find(By.id("email")).clear();
            browser.find(By.id("email")).sendKeys("arno@example.org");
            browser.submitAndAwaitNextPage(browser.find(By.cssSelector("#email-form button[type=submit]")));
            assertThat(browser.find(By.id("account-saved")).getText()).isEqualTo("E-mail address saved.");
            assertThat(browser.find(By.id("email")).getAttribute("value")).isEqualTo("arno@example.org");

            // A token without a name is refused at the field.
            browser.submitAndAwaitNextPage(browser.find(By.id("create-token")));
            assertThat(browser.find(By.id("name-error")).getText()).isNotBlank();
            assertThat(browser.consoleProblemsBesidesRefusalsAt("/account/tokens"))
                    .isEmpty();

            browser.find(By.id("name")).sendKeys("CI pipeline");
            browser.find(By.id("scope-read")).click();
            browser.submitAndAwaitNextPage(browser.find(By.id("create-token")));
            String secret = browser.find(By.id("new-token-secret")).getAttribute("value");
            assertThat(secret).startsWith("cfy_");
            WebElement row = browser.find(By.cssSelector("#token-list tbody tr"));
            assertThat(row.getText()).contains("CI pipeline", "read", "Active", "Never");
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("account");
            assertThat(api.get(Credentials.bearer(secret), "/api/v1/users/me").status())
                    .isEqualTo(200);

            // Shown once: the next visit has the token in the list, not its secret.
            browser.go("/account");
            assertThat(browser.all(By.id("new-token-secret"))).isEmpty();
            assertThat(browser.text()).doesNotContain(secret);

            browser.submitAndAwaitNextPage(browser.find(By.cssSelector("#token-list tbody tr button.danger")));
            assertThat(browser.find(By.id("account-saved")).getText()).contains("Token revoked");
            assertThat(browser.find(By.cssSelector("#token-list tbody tr")).getText())
                    .contains("Revoked");
            assertThat(browser.all(By.cssSelector("#token-list tbody tr button.danger")))
                    .isEmpty();
            assertThat(api.get(Credentials.bearer(secret), "/api/v1/users/me").status())
                    .isEqualTo(401);
            assertThat(browser.consoleProblems()).isEmpty();
        }
        try (ChromeSession tablet = ChromeSession.open(port, 820, 1180)) {
            tablet.signIn(engineer.username(), engineer.password());
            tablet.go("/account");
            Object overflow = tablet.driver()
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            tablet.screenshot("account-tablet");
        }
    }

    @Test
    void theSignInPageWearsThePagesStyleAndSaysWhatWentWrong() {
        try (ChromeSession browser = ChromeSession.open(port)) {
            browser.go("/login");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Sign in");
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("login");
            browser.find(By.id("username")).sendKeys("nobody");
            browser.find(By.id("password")).sendKeys("wrong password");
            browser.submitAndAwaitNextPage(browser.find(By.cssSelector("form[action='/login'] button[type=submit]")));
            assertThat(browser.find(By.id("login-message")).getText()).isEqualTo("Wrong user name or password.");
            assertThat(browser.consoleProblems()).isEmpty();

            // The first-run page (its one-time link long used here) ends with the way on to signing in.
            browser.go("/setup.html");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Create the first administrator");
            assertThat(browser.consoleProblems()).isEmpty();
            browser.screenshot("setup");
            WebElement signIn = browser.driver().findElement(By.id("sign-in-link"));
            assertThat(signIn.getAttribute("href")).endsWith("/login");
            assertThat(signIn.getAttribute("textContent")).isEqualTo("Sign in");
        }
    }
}
