package io.conformity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ApiClient.Response;
import io.conformity.support.Browser;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;

/** The product forms' refusals and the roles they take, without a browser: status, field message, nothing stored. */
@ConformityIntegrationTest
class ProductPagesIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;
    Fixtures fixtures;
    Credentials officer;
    Credentials engineer;
    String productId;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        engineer = fixtures.user("ppi-eng", "Emil Engineer", "Engineer", "ENGINEER");
        officer = fixtures.user("ppi-off", "Olga Officer", "Officer", "COMPLIANCE_OFFICER");
        fixtures.team(engineer);
        String releaseId = fixtures.release(
                officer, "Forms Ltd", "FM-" + UUID.randomUUID().toString().substring(0, 6));
        productId = api.get(officer, "/api/v1/releases/" + releaseId)
                .expect(200)
                .json()
                .get("productId")
                .asText();
    }

    @Test
    void aListedCategoryWithoutItsAnnexItemIsRefusedAtTheFieldAndAValidOneIsSaved() {
        Browser browser = signedIn(officer);
        browser.get("/products/" + productId).expect(200);
        Response refused = browser.postForm(
                "/products/" + productId + "/classification",
                Map.of("craCategory", "IMPORTANT_CLASS_I", "annexNumber", "x", "annexLabel", ""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text())
                .contains("id=\"craAnnexItem.number-error\"", "must be a whole number", "aria-invalid=\"true\"")
                .containsPattern("<option value=\"IMPORTANT_CLASS_I\" selected");

        Response saved = browser.postForm(
                "/products/" + productId + "/classification",
                Map.of("craCategory", "IMPORTANT_CLASS_I", "annexNumber", "12", "annexLabel", "Routers"));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.headers().getFirst("Location")).contains("/products/" + productId + "?saved=classify");
        assertThat(api.get(officer, "/api/v1/products/" + productId)
                        .expect(200)
                        .json()
                        .get("craCategory")
                        .asText())
                .isEqualTo("IMPORTANT_CLASS_I");
    }

    @Test
    void aSupportPeriodEndThatIsNoDateOrInThePastIsRefusedAtTheField() {
        Browser browser = signedIn(officer);
        browser.get("/products/" + productId).expect(200);
        Response notADate = browser.postForm(
                "/products/" + productId + "/support-period", Map.of("supportPeriodEnd", "31/12/2031"));
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.text()).contains("id=\"supportPeriodEnd-error\"", "must be a date such as", "31/12/2031");

        Response past = browser.postForm(
                "/products/" + productId + "/support-period", Map.of("supportPeriodEnd", "2020-01-01"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.text()).contains("id=\"supportPeriodEnd-error\"", "must be after today");
        assertThat(api.get(officer, "/api/v1/products/" + productId)
                        .expect(200)
                        .json()
                        .get("supportPeriodEnd")
                        .asText())
                .isEqualTo("2030-06-30");
    }

    @Test
    void aProductRefusedByTheProductModuleLeavesNoNewManufacturerBehind() {
        Browser browser = signedIn(officer);
        browser.get("/products/new").expect(200);
        String manufacturer = "Orphan Ltd " + UUID.randomUUID();
        Response refused = browser.postForm(
                "/products",
                Map.of(
                        "manufacturerId", "new",
                        "manufacturerName", manufacturer,
                        "manufacturerAddress", "3 Nowhere Lane",
                        "modelDesignation", "OR-1",
                        "productType", "smart plug",
                        // Further out than the configured horizon: only the product module knows.
                        "supportPeriodEnd", "2099-12-31"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("id=\"supportPeriodEnd-error\"").contains(manufacturer);
        assertThat(api.get(officer, "/api/v1/manufacturers?q=" + manufacturer.replace(" ", "%20"))
                        .expect(200)
                        .json()
                        .at("/page/totalElements")
                        .asLong())
                .isZero();
    }

    @Test
    void anEngineerReadsTheProductButMayNotChangeItAndOthersProductsAreNotFound() {
        Browser browser = signedIn(engineer);
        Response page = browser.get("/products/" + productId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).doesNotContain("id=\"release-form\"", "id=\"profile-form\" action");
        assertThat(browser.get("/products/new").status()).isEqualTo(403);
        Response denied = browser.postForm(
                "/products/" + productId + "/releases", Map.of("firmwareVersion", "9.9", "batch", "B9"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.text()).contains("Your roles do not allow").doesNotContain("Exception");
        assertThat(api.get(officer, "/api/v1/products/" + productId + "/releases")
                        .expect(200)
                        .json()
                        .at("/page/totalElements")
                        .asLong())
                .isEqualTo(1);

        Credentials stranger = fixtures.user("ppi-str", "Sven Stranger", "Officer", "COMPLIANCE_OFFICER");
        Response hidden = signedIn(stranger).get("/products/" + productId);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.text()).doesNotContain("Exception", "at io.conformity");
        assertThat(signedIn(stranger).get("/products/not-an-id").status()).isEqualTo(400);
    }

    @Test
    void markingSomeoneElsesOrAnUnknownNotificationReadIsNotFound() {
        Browser browser = signedIn(officer);
        browser.get("/notifications").expect(200);
        Response unknown = browser.postForm("/notifications/" + UUID.randomUUID() + "/read", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void theProductPageListsIssuedDeclarationsAndARefusedReplacementNamesItsErrorAtTheCheckboxes() {
        Credentials signatory = fixtures.user("ppi-sig", "Sina Signatory", "Signatory", "SIGNATORY");
        Fixtures team = new Fixtures(api).team(engineer, signatory);
        String releaseId = team.release(
                officer, "Replacing Ltd", "RP-" + UUID.randomUUID().toString().substring(0, 6));
        String product = api.get(officer, "/api/v1/releases/" + releaseId)
                .expect(200)
                .json()
                .get("productId")
                .asText();
        String declarationId = team.issuePsti(engineer, officer, signatory, releaseId)
                .get("id")
                .asText();

        Browser browser = signedIn(officer);
        assertThat(browser.get("/products/" + product).expect(200).text()).contains("value=\"" + declarationId + "\"");
        Response refused = browser.postForm(
                "/releases/" + releaseId + "/assessments", Map.of("regimes", "PSTI", "supersedes", "not-an-id"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text())
                .contains(
                        "id=\"supersedes-error\"",
                        "aria-describedby=\"supersedes-" + releaseId + "-hint supersedes-error\"",
                        "aria-invalid=\"true\"");
    }

    private Browser signedIn(Credentials user) {
        Browser browser = new Browser(port);
        assertThat(browser.signIn(user.username(), user.password()).status()).isIn(302, 303);
        return browser;
    }
}
