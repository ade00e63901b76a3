package io.conformity.web;

import static io.conformity.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.conformity.support.ApiClient;
import io.conformity.support.ApiClient.Credentials;
import io.conformity.support.ConformityIntegrationTest;
import io.conformity.support.Fixtures;
import io.conformity.support.TestInstallation;

/**
 * The list endpoints over HTTP: filters run in the database, pages come in a stable order, and every bad paging
 * or filter value is a 400 validation problem naming the parameter. The database is shared with the other
 * integration tests, so each test filters on names of its own.
 */
@ConformityIntegrationTest
class ListEndpointsIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;
    Fixtures fixtures;
    Credentials admin = new Credentials(TestInstallation.ADMIN_USERNAME, TestInstallation.ADMIN_PASSWORD);
    Credentials officer;
    String tag;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixtures = new Fixtures(api);
        officer = fixtures.user("off", "Ola Officer", "Officer", "COMPLIANCE_OFFICER");
        fixtures.team(officer);
        tag = "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void manufacturersAreFoundByTextInTheirNameAndPagedInAStableOrder() {
        String gamma = manufacturer(tag + " Gamma Devices");
        String alpha = manufacturer(tag + " Alpha Devices");
        String beta = manufacturer(tag + " Beta Devices");

        JsonNode first = api.get(officer, "/api/v1/manufacturers?q=" + tag.toUpperCase() + " &size=2")
                .expect(200)
                .json();
        assertThat(ids(first)).containsExactly(alpha, beta);
        assertPage(first, 2, 0, 3, 2);
        assertThat(ids(api.get(officer, "/api/v1/manufacturers?q=" + tag + "&size=2&page=1")
                        .expect(200)
                        .json()))
                .containsExactly(gamma);
        assertThat(ids(api.get(officer, "/api/v1/manufacturers?q=" + tag + "&sort=name,desc")
                        .expect(200)
                        .json()))
                .containsExactly(gamma, beta, alpha);
        // Past the last page: an empty page, not an error.
        JsonNode beyond = api.get(officer, "/api/v1/manufacturers?q=" + tag + "&page=5")
                .expect(200)
                .json();
        assertThat(ids(beyond)).isEmpty();
        assertThat(beyond.get("page").get("totalElements").asLong()).isEqualTo(3);
        // The body of a manufacturer in a list is the one GET /manufacturers/{id} gives.
        assertThat(first.get("content").get(0))
                .isEqualTo(api.get(officer, "/api/v1/manufacturers/" + alpha)
                        .expect(200)
                        .json());
    }

    @Test
    void equalNamesStillComeInOneOrderAcrossPages() {
        List<String> twins =
                List.of(manufacturer(tag + " Twin"), manufacturer(tag + " Twin"), manufacturer(tag + " Twin"));
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(ids(api.get(officer, "/api/v1/manufacturers?q=" + tag + "&size=1&page=" + page)
                    .expect(200)
                    .json()));
        }
        assertThat(paged).containsExactlyInAnyOrderElementsOf(twins);
        assertThat(ids(api.get(officer, "/api/v1/manufacturers?q=" + tag)
                        .expect(200)
                        .json()))
                .isEqualTo(paged);
    }

    @Test
    void aSearchTextMatchesItsWildcardCharactersLiterally() {
        String percent = manufacturer(tag + " 100% Devices");
        manufacturer(tag + " 1000 Devices");
        String underscore = manufacturer(tag + " Under_score");
        manufacturer(tag + " Underxscore");
        assertThat(ids(api.get(officer, "/api/v1/manufacturers?q=" + tag + " 100%")
                        .expect(200)
                        .json()))
                .containsExactly(percent);
        assertThat(ids(api.get(officer, "/api/v1/manufacturers?q=" + tag + " under_")
                        .expect(200)
                        .json()))
                .containsExactly(underscore);
        // Blank text is no filter.
        assertThat(api.get(officer, "/api/v1/manufacturers?q= &size=1")
                        .expect(200)
                        .json()
                        .get("page")
                        .get("totalElements")
                        .asLong())
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void productsAreFilteredByManufacturerAndByTextInModelOrType() {
        String acme = manufacturer(tag + " Acme");
        String other = manufacturer(tag + " Other");
        String camera = product(acme, tag + "-CAM-2", "indoor security camera");
        String plug = product(acme, tag + "-PLG-1", "smart plug");
        String otherCamera = product(other, tag + "-CAM-1", "outdoor camera");

        assertThat(ids(api.get(officer, "/api/v1/products?manufacturerId=" + acme)
                        .expect(200)
                        .json()))
                .containsExactly(camera, plug);
        assertThat(ids(api.get(officer, "/api/v1/products?manufacturerId=" + acme + "&q=CAMERA")
                        .expect(200)
                        .json()))
                .containsExactly(camera);
        assertThat(ids(api.get(officer, "/api/v1/products?q=" + tag + "-cam")
                        .expect(200)
                        .json()))
                .containsExactly(otherCamera, camera);
        assertThat(ids(api.get(officer, "/api/v1/products?q=" + tag + "&sort=productType,desc")
                        .expect(200)
                        .json()))
                .containsExactly(plug, otherCamera, camera);
        JsonNode unknown = api.get(officer, "/api/v1/products?manufacturerId=" + UUID.randomUUID())
                .expect(200)
                .json();
        assertThat(ids(unknown)).isEmpty();
        assertPage(unknown, 20, 0, 0, 0);
    }

    @Test
    void releasesOfAProductAreListedNewestFirst() {
        String productId = product(manufacturer(tag + " Releases"), tag + "-R", "smart plug");
        List<String> created = new ArrayList<>();
        for (String version : List.of("1.0.0", "1.2.0", "1.1.0")) {
            created.add(api.post(
                            officer,
                            "/api/v1/products/" + productId + "/releases",
                            Map.of("firmwareVersion", version, "batch", "B1"))
                    .expect(201)
                    .json()
                    .get("id")
                    .asText());
        }
        JsonNode newestFirst = api.get(officer, "/api/v1/products/" + productId + "/releases")
                .expect(200)
                .json();
        assertThat(ids(newestFirst)).containsExactlyInAnyOrderElementsOf(created);
        assertThat(instants(newestFirst, "createdAt")).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(api.get(officer, "/api/v1/products/" + productId + "/releases?sort=firmwareVersion")
                        .expect(200)
                        .json()
                        .get("content")
                        .findValuesAsText("firmwareVersion"))
                .containsExactly("1.0.0", "1.1.0", "1.2.0");
        assertThat(assertProblem(api.get(officer, "/api/v1/products/" + UUID.randomUUID() + "/releases"), 404)
                        .get("type")
                        .asText())
                .isEqualTo("urn:conformity:problem:not-found");
    }

    @Test
    void assessmentsAreFilteredByProductAndStatus() {
        String releaseId = fixtures.release(officer);
        String productId = api.get(officer, "/api/v1/releases/" + releaseId)
                .expect(200)
                .json()
                .get("productId")
                .asText();
        String assessmentId =
                fixtures.openAssessment(officer, releaseId).get("id").asText();

        JsonNode ofProduct = api.get(officer, "/api/v1/assessments?productId=" + productId)
                .expect(200)
                .json();
        assertThat(ids(ofProduct)).containsExactly(assessmentId);
        // The list shows each assessment as its own view does, but for the conversation (the single view's only).
        ObjectNode single = (ObjectNode) api.get(officer, "/api/v1/assessments/" + assessmentId)
                .expect(200)
                .json();
        assertThat(single.remove("conversation")).isNotNull();
        assertThat(ofProduct.get("content").get(0)).isEqualTo(single);
        assertThat(ids(api.get(officer, "/api/v1/assessments?productId=" + productId + "&status=IN_PROGRESS")
                        .expect(200)
                        .json()))
                .containsExactly(assessmentId);
        assertThat(ids(api.get(officer, "/api/v1/assessments?productId=" + productId + "&status=APPROVED")
                        .expect(200)
                        .json()))
                .isEmpty();
        assertThat(ids(api.get(officer, "/api/v1/assessments?productId=" + UUID.randomUUID())
                        .expect(200)
                        .json()))
                .isEmpty();
        assertThat(instants(
                        api.get(officer, "/api/v1/assessments?status=IN_PROGRESS&size=100")
                                .expect(200)
                                .json(),
                        "openedAt"))
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void onlyAnAdministratorListsAndReadsAccounts() {
        Credentials engineer = fixtures.user("eng", "Ed Engineer", "Engineer", "ENGINEER");
        fixtures.team(engineer);
        assertProblem(api.get(officer, "/api/v1/users"), 403);
        assertProblem(api.get(officer, "/api/v1/users/" + engineer.username()), 403);

        List<String> usernames = new ArrayList<>();
        JsonNode page;
        int number = 0;
        do {
            page = api.get(admin, "/api/v1/users?size=100&page=" + number++)
                    .expect(200)
                    .json();
            usernames.addAll(page.get("content").findValuesAsText("username"));
        } while (number < page.get("page").get("totalPages").asInt());
        assertThat(usernames)
                .hasSize(page.get("page").get("totalElements").asInt())
                .contains(engineer.username(), officer.username(), TestInstallation.ADMIN_USERNAME)
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(api.get(admin, "/api/v1/users?sort=username,desc&size=1")
                        .expect(200)
                        .json()
                        .get("content")
                        .get(0)
                        .get("username")
                        .asText())
                .isEqualTo(usernames.get(usernames.size() - 1));

        JsonNode user = api.get(admin, "/api/v1/users/" + engineer.username())
                .expect(200)
                .json();
        assertThat(user.get("displayName").asText()).isEqualTo("Ed Engineer");
        assertThat(user.has("password")).isFalse();
        assertThat(user.has("passwordHash")).isFalse();
        assertThat(assertProblem(api.get(admin, "/api/v1/users/nobody-" + tag), 404)
                        .get("type")
                        .asText())
                .isEqualTo("urn:conformity:problem:not-found");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/manufacturers?page=abc                         | page           | 'abc' is not a whole number; must be between 0 and 107374182
            /api/v1/manufacturers?page=-1                          | page           | '-1' is not a whole number
            /api/v1/manufacturers?page=                            | page           | '' is not a whole number
            /api/v1/manufacturers?page=99999999999                 | page           | must be between 0 and 107374182
            /api/v1/manufacturers?page=30000000&size=100           | page           | must be between 0 and 21474836
            /api/v1/manufacturers?page=1&page=2                    | page           | must be given once
            /api/v1/manufacturers?size=0                           | size           | must be between 1 and 100
            /api/v1/manufacturers?size=101                         | size           | must be between 1 and 100
            /api/v1/manufacturers?size=ten                         | size           | 'ten' is not a whole number; must be between 1 and 100
            /api/v1/manufacturers?sort=address                     | sort           | 'address' is not sortable; sort by name
            /api/v1/manufacturers?sort=name,sideways               | sort           | 'name,sideways': the direction must be asc or desc
            /api/v1/manufacturers?sort=name,asc,ignorecase         | sort           | must be 'property' or 'property,asc' or 'property,desc'
            /api/v1/manufacturers?sort=name&sort=name,desc         | sort           | 'name' is given twice
            /api/v1/manufacturers?sort=                            | sort           | must be 'property'
            /api/v1/manufacturers?name=Acme                        | name           | unknown parameter; this list takes page, size, sort, q
            /api/v1/products?manufacturerId=acme                   | manufacturerId | 'acme' is not a UUID
            /api/v1/products?manufacturerId=1-1-1-1-1              | manufacturerId | '1-1-1-1-1' is not a UUID
            /api/v1/products?sort=manufacturerId                   | sort           | sort by modelDesignation, productType, supportPeriodEnd
            /api/v1/products/3fa85f64-5717-4562-b3fc-2c963f66afa6/releases?size=abc | size | 'abc' is not a whole number
            /api/v1/products/3fa85f64-5717-4562-b3fc-2c963f66afa6/releases?sort=batch | sort | sort by createdAt, firmwareVersion
            /api/v1/assessments?status=FOO                         | status         | 'FOO' is not one of IN_PROGRESS, APPROVED, ISSUED
            /api/v1/assessments?status=in_progress                 | status         | is not one of IN_PROGRESS, APPROVED, ISSUED
            /api/v1/assessments?productId=                         | productId      | '' is not a UUID
            /api/v1/users?sort=passwordHash                        | sort           | sort by username, displayName
            /api/v1/register?status=VALID                          | status         | 'VALID' is not one of ISSUED, SUPERSEDED, WITHDRAWN
            /api/v1/register?sort=sha256                           | sort           | sort by issuedAt, manufacturer, modelDesignation, status
            /api/v1/register?regime=x&regime=y                     | regime         | must be given once
            """)
    void aBadPagingOrFilterValueIsA400NamingTheParameter(String path, String parameter, String detail) {
        JsonNode problem = assertProblem(api.get(admin, path), 400);
        assertThat(problem.get("type").asText()).isEqualTo("urn:conformity:problem:validation");
        assertThat(problem.get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("parameter").asText()).isEqualTo(parameter);
            assertThat(error.get("detail").asText()).contains(detail);
            assertThat(error.has("pointer")).isFalse();
        });
    }

    @Test
    void everyBadParameterIsReportedAtOnce() {
        JsonNode problem = assertProblem(
                api.get(
                        officer,
                        "/api/v1/products?page=x&size=1000&sort=nope" + "&manufacturerId=y&q=" + "q".repeat(201)
                                + "&colour=red"),
                400);
        assertThat(problem.get("errors").findValuesAsText("parameter"))
                .containsExactly("size", "page", "sort", "manufacturerId", "q", "colour");
    }

    @Test
    void theOpenApiDescriptionListsTheQueryParametersOfEachList() {
        JsonNode paths = api.get(null, "/v3/api-docs").expect(200).json().get("paths");
        JsonNode parameters = paths.get("/api/v1/assessments").get("get").get("parameters");
        assertThat(parameters.findValuesAsText("name")).containsExactly("productId", "status", "page", "size", "sort");
        assertThat(parameters.get(1).get("schema").get("enum"))
                .extracting(JsonNode::asText)
                .containsExactly("IN_PROGRESS", "APPROVED", "ISSUED", "NOT_CERTIFIED");
        assertThat(parameters.get(3).get("schema").get("maximum").asInt()).isEqualTo(100);
        assertThat(paths.get("/api/v1/users")
                        .get("get")
                        .get("parameters")
                        .get(2)
                        .get("schema")
                        .get("items")
                        .get("enum"))
                .extracting(JsonNode::asText)
                .contains("username,desc")
                .doesNotContain("passwordHash");
    }

    private String manufacturer(String name) {
        return api.post(officer, "/api/v1/manufacturers", Map.of("name", name, "address", "1 List Lane, Leeds"))
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private String product(String manufacturerId, String model, String type) {
        return api.post(
                        officer,
                        "/api/v1/products",
                        Map.of(
                                "manufacturerId",
                                manufacturerId,
                                "modelDesignation",
                                model,
                                "productType",
                                type,
                                "supportPeriodEnd",
                                "2030-06-30"))
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    /** The ids of the page's items, in order. */
    private static List<String> ids(JsonNode page) {
        return values(page, "id");
    }

    private static List<Instant> instants(JsonNode page, String field) {
        return values(page, field).stream().map(Instant::parse).toList();
    }

    private static List<String> values(JsonNode page, String field) {
        List<String> values = new ArrayList<>();
        page.get("content").forEach(item -> values.add(item.get(field).asText()));
        return values;
    }

    private static void assertPage(JsonNode page, long size, long number, long totalElements, long totalPages) {
        JsonNode meta = page.get("page");
        assertThat(List.of(
                        meta.get("size").asLong(),
                        meta.get("number").asLong(),
                        meta.get("totalElements").asLong(),
                        meta.get("totalPages").asLong()))
                .as("size, number, totalElements, totalPages of " + meta)
                .containsExactly(size, number, totalElements, totalPages);
        assertThat(page.properties()).extracting(Map.Entry::getKey).containsExactly("content", "page");
    }
}
