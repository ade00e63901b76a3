package io.conformity.product.internal;

import static io.conformity.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.conformity.product.SupportPeriodNotice;
import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;
import io.conformity.support.MutableClock;
import io.conformity.support.TestMailServer;

/**
 * The daily support-period watch with the application clock moved: the officers are told once that the period ends
 * soon; after the end the product is out of support and no assessment is opened for it until the period is extended.
 */
@ConformityIntegrationTest
class SupportPeriodWatchIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SupportPeriodWatch watch;

    @Autowired
    MutableClock clock;

    ApiClient api;
    Fixtures fixtures;
    Credentials officer;
    Credentials engineer;
    String productId;
    String releaseId;
    String officerAddress;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        officer = fixtures.user("woff", "Wren Officer", "Officer", "COMPLIANCE_OFFICER");
        engineer = fixtures.user("weng", "Wade Engineer", "Engineer", "ENGINEER");
        officerAddress = officer.username() + "@example.test";
        api.put(officer, "/api/v1/users/me/email", Map.of("email", officerAddress))
                .expect(200);
        releaseId = fixtures.release(
                officer, "Watch Devices", "W-" + UUID.randomUUID().toString().substring(0, 8));
        fixtures.members(releaseId, engineer);
        productId = api.get(officer, "/api/v1/releases/" + releaseId)
                .expect(200)
                .json()
                .get("productId")
                .asText();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theOfficersAreToldOnceThenTheProductGoesOutOfSupportUntilExtended() {
        LocalDate end = LocalDate.now(clock).plusDays(30);
        api.put(
                        officer,
                        "/api/v1/products/" + productId + "/support-period",
                        Map.of("supportPeriodEnd", end.toString()))
                .expect(200);

        assertThat(ofThisProduct(watch.run()))
                .containsExactly(new SupportPeriodNotice(
                        UUID.fromString(productId), model(), SupportPeriodNotice.Kind.ENDING_SOON, end));
        assertThat(ofThisProduct(watch.run())).as("told once").isEmpty();
        List<JsonNode> told = inbox(officer);
        assertThat(told).hasSize(1);
        assertThat(told.get(0).get("subject").asText()).isEqualTo("Support period of " + model() + " ends on " + end);
        assertThat(inbox(engineer)).as("officers only").isEmpty();
        assertThat(TestMailServer.instance().to(officerAddress))
                .anySatisfy(mail -> assertThat(mail.subject()).contains(model() + " ends on " + end));
        assertThat(product().get("supportStatus").asText()).isEqualTo("IN_SUPPORT");

        // The last day of support passes.
        clock.advance(Duration.ofDays(31));
        assertThat(ofThisProduct(watch.run()))
                .extracting(SupportPeriodNotice::kind)
                .containsExactly(SupportPeriodNotice.Kind.ENDED);
        assertThat(ofThisProduct(watch.run())).isEmpty();
        JsonNode outOfSupport = product();
        assertThat(outOfSupport.get("supportStatus").asText()).isEqualTo("OUT_OF_SUPPORT");
        assertThat(outOfSupport.get("outOfSupportSince").asText())
                .isEqualTo(LocalDate.now(clock).toString());
        assertThat(inbox(officer)).hasSize(2);
        assertThat(inbox(officer).get(0).get("subject").asText()).startsWith("Out of support: " + model());
        JsonNode refused = assertProblem(
                api.post(officer, "/api/v1/assessments", Map.of("releaseId", releaseId, "regimes", List.of("PSTI"))),
                409);
        assertThat(refused.get("type").asText()).isEqualTo("urn:conformity:problem:support-period-ended");
        assertThat(api.get(officer, "/api/v1/audit?size=100&subject=" + productId)
                        .expect(200)
                        .json()
                        .get("content")
                        .findValuesAsText("action"))
                .contains("product.support-period-ending-notified", "product.out-of-support");

        // The manufacturer keeps supporting it after all: extended, it is back in support.
        api.put(
                        officer,
                        "/api/v1/products/" + productId + "/support-period",
                        Map.of(
                                "supportPeriodEnd",
                                LocalDate.now(clock).plusYears(2).toString()))
                .expect(200);
        assertThat(product().get("supportStatus").asText()).isEqualTo("IN_SUPPORT");
        assertThat(product().get("outOfSupportSince").isNull()).isTrue();
        fixtures.openAssessment(officer, releaseId);
        assertThat(api.get(officer, "/api/v1/audit?size=100&subject=" + productId)
                        .expect(200)
                        .json()
                        .get("content")
                        .findValuesAsText("action"))
                .contains("product.back-in-support");
    }

    private List<SupportPeriodNotice> ofThisProduct(List<SupportPeriodNotice> notices) {
        List<SupportPeriodNotice> mine = new ArrayList<>();
        notices.stream()
                .filter(notice -> notice.productId().toString().equals(productId))
                .forEach(mine::add);
        return mine;
    }

    private JsonNode product() {
        return api.get(officer, "/api/v1/products/" + productId).expect(200).json();
    }

    private String model() {
        return product().get("modelDesignation").asText();
    }

    private List<JsonNode> inbox(Credentials user) {
        List<JsonNode> found = new ArrayList<>();
        api.get(user, "/api/v1/notifications?size=100")
                .expect(200)
                .json()
                .get("content")
                .forEach(entry -> {
                    if (productId.equals(entry.get("productId").asText())) {
                        found.add(entry);
                    }
                });
        return found;
    }
}
