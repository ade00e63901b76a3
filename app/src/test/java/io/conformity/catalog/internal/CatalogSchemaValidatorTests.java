package io.conformity.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

class CatalogSchemaValidatorTests {

    private static final String CATALOG = "conformity/evidence-schema/";
    private static final String FRAMEWORK = "framework.schema.json";
    private static final String CROSSWALK = "crosswalk.schema.json";
    private static final String ETSI_V2 = "frameworks/etsi-en-303-645-v2.1.1.json";

    private final CatalogSchemaValidator validator = newValidator();

    @TempDir
    Path dir;

    private static CatalogSchemaValidator newValidator() {
        return new CatalogSchemaValidator(new DefaultResourceLoader(), "classpath:" + CATALOG + "schemas/");
    }

    @Test
    void everyShippedFrameworkAndTheCrossWalkValidate() throws IOException {
        Resource[] frameworks =
                new PathMatchingResourcePatternResolver().getResources("classpath:" + CATALOG + "frameworks/*.json");
        assertThat(frameworks).isNotEmpty();
        Resource crosswalk = new ClassPathResource(CATALOG + "crosswalks/consumer-iot.json");

        // Timed, not asserted: the figure is for judging start-up cost, and CI machines vary too much to gate on it.
        CatalogSchemaValidator fresh = newValidator();
        long start = System.nanoTime();
        for (Resource file : frameworks) {
            JsonNode tree = fresh.readValidated(file, FRAMEWORK);
            assertThat(tree.path("requirements").size()).as(file.getFilename()).isPositive();
        }
        assertThat(fresh.readValidated(crosswalk, CROSSWALK).path("rows").size())
                .isPositive();
        long cold = System.nanoTime() - start;
        start = System.nanoTime();
        for (Resource file : frameworks) {
            fresh.readValidated(file, FRAMEWORK);
        }
        fresh.readValidated(crosswalk, CROSSWALK);
        long warm = System.nanoTime() - start;
        System.out.printf(
                "Schema validation of %d shipped catalog files: %.1f ms first pass (schemas compiled),"
                        + " %.1f ms second pass%n",
                frameworks.length + 1, cold / 1e6, warm / 1e6);
    }

    @Test
    void aBadStatusIsReportedWithItsLineColumnAndPointer() throws IOException {
        String original = shipped(ETSI_V2);
        int value = nthIndexOf(original, "\"status\": \"", 11) + "\"status\": ".length();
        String broken =
                original.substring(0, value) + "\"M X (1)\"" + original.substring(original.indexOf('"', value + 1) + 1);
        int index = requirementIndex(broken, "status", "M X (1)");

        assertThatThrownBy(() -> validator.readValidated(write("bad-status.json", broken), FRAMEWORK))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("bad-status.json")
                .hasMessageContaining("1 violation of framework.schema.json")
                .hasMessageContaining("line " + lineOf(broken, value) + ", column " + columnOf(broken, value)
                        + " (/requirements/" + index + "/status): does not match the regex pattern")
                .hasMessageContaining("value \"M X (1)\"");
    }

    @Test
    void aMissingRequiredFieldIsReportedAtItsObject() throws IOException {
        String broken = shipped(ETSI_V2).replace("\"title\": \"Simple updates\", ", "");
        int object = broken.lastIndexOf('{', broken.indexOf("\"id\": \"5.3-3\""));
        int index = requirementIndex(broken, "id", "5.3-3");

        assertThatThrownBy(() -> validator.readValidated(write("missing.json", broken), FRAMEWORK))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("missing.json")
                .hasMessageContaining("line " + lineOf(broken, object) + ", column " + columnOf(broken, object)
                        + " (/requirements/" + index + "): required property 'title' not found");
    }

    @Test
    void anUnknownPropertyIsReportedAtTheProperty() throws IOException {
        String broken = shipped(ETSI_V2).replace("\"id\": \"5.1-1\",", "\"id\": \"5.1-1\", \"colour\": \"red\",");
        int value = broken.indexOf("\"red\"");
        int index = requirementIndex(broken, "id", "5.1-1");

        assertThatThrownBy(() -> validator.readValidated(write("unknown.json", broken), FRAMEWORK))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("line " + lineOf(broken, value) + ", column " + columnOf(broken, value)
                        + " (/requirements/" + index + "/colour): property 'colour' is not defined");
    }

    @Test
    void aDuplicateKeyIsReportedWithItsLine() throws IOException {
        String original = shipped(ETSI_V2);
        String broken = original.replaceFirst(
                "\n  \"version\": \"V2.1.1\",\n", "\n  \"version\": \"V2.1.1\",\n  \"version\": \"V2.1.2\",\n");
        assertThat(broken).isNotEqualTo(original);
        int duplicate = broken.indexOf("\"version\": \"V2.1.2\"");

        assertThatThrownBy(() -> validator.readValidated(write("duplicate.json", broken), FRAMEWORK))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("duplicate.json")
                .hasMessageContaining("line " + lineOf(broken, duplicate) + ", column ")
                .hasMessageContaining("Duplicate field 'version'");
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() throws IOException {
        String original = shipped(ETSI_V2);
        String broken = original.replaceFirst("\"urn\": \"urn:etsi:en:303645\",", "\"urn\": \"urn:etsi:en:303645\"");
        int next = broken.indexOf("\"version\"");

        assertThatThrownBy(() -> validator.readValidated(write("malformed.json", broken), FRAMEWORK))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("malformed.json")
                .hasMessageContaining("line " + lineOf(broken, next) + ", column " + columnOf(broken, next) + ": ")
                .hasMessageContaining("was expecting comma");
    }

    @Test
    void emptyAndNonUtf8FilesAreRefused() throws IOException {
        assertThatThrownBy(() -> validator.readValidated(write("empty.json", " \n"), FRAMEWORK))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("empty.json")
                .hasMessageEndingWith(": is empty");
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, "{\"title\": \"Sécurité\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> validator.readValidated(new FileSystemResource(latin1), FRAMEWORK))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("is not UTF-8 text");
    }

    @Test
    void aCrossWalkLinkOfTheWrongShapeIsReported() throws IOException {
        String original = shipped("crosswalks/consumer-iot.json");
        String broken = original.replaceFirst("\"ids\": \\[\"1\"\\]", "\"ids\": \"1\"");
        assertThat(broken).isNotEqualTo(original);
        int value = broken.indexOf("\"ids\": \"1\"") + "\"ids\": ".length();

        assertThatThrownBy(() -> validator.readValidated(write("crosswalk.json", broken), CROSSWALK))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("crosswalk.json")
                .hasMessageContaining("line " + lineOf(broken, value) + ", column " + columnOf(broken, value)
                        + " (/rows/0/links/0/ids): string found, array expected");
    }

    @Test
    void aFileDeclaringAnotherSchemaIsRefusedBeforeValidation() throws IOException {
        Resource crosswalk = write("consumer-iot.json", shipped("crosswalks/consumer-iot.json"));
        assertThatThrownBy(() -> validator.readValidated(crosswalk, FRAMEWORK))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("line 2, column 14 (/$schema): names schema \"../schemas/crosswalk.schema.json\""
                        + " but files here must use framework.schema.json")
                .hasMessageNotContaining("violation");
    }

    @Test
    void onlyTheFirstTenViolationsAreListedInLineOrder() throws IOException {
        String original = shipped(ETSI_V2);
        String broken = original.replace("\"status\": \"M\"", "\"status\": \"X\"");
        int replaced =
                (original.length() - original.replace("\"status\": \"M\"", "").length()) / "\"status\": \"M\"".length();
        assertThat(replaced).isGreaterThan(10);

        Throwable thrown = catchThrowable(() -> validator.readValidated(write("many.json", broken), FRAMEWORK));
        assertThat(thrown)
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining(replaced + " violations of framework.schema.json")
                .hasMessageEndingWith("... and " + (replaced - 10) + " more");
        List<Integer> lines = new ArrayList<>();
        for (String line : thrown.getMessage().split("\n")) {
            if (line.startsWith("  line ")) {
                lines.add(Integer.parseInt(line.substring("  line ".length(), line.indexOf(','))));
            }
        }
        assertThat(lines).hasSize(10).isSorted();
        assertThat(lines.get(0)).isEqualTo(lineOf(broken, broken.indexOf("\"status\": \"X\"")));
    }

    @Test
    void aMissingSchemaIsNamedInTheError() throws IOException {
        Resource file = write("f.json", "{}");
        assertThatThrownBy(() -> validator.readValidated(file, "nope.schema.json"))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("nope.schema.json")
                .hasMessageContaining("schema cannot be read");
    }

    @Test
    void aRemoteReferenceIsNeverFetched() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"type\": \"object\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String remote = "http://127.0.0.1:" + server.getAddress().getPort() + "/remote.schema.json";
            Path schemas = Files.createDirectories(dir.resolve("schemas"));
            Files.writeString(schemas.resolve("remote.schema.json"), """
                    {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "urn:test:remote",
                     "$ref": "%s"}""".formatted(remote));
            CatalogSchemaValidator local = new CatalogSchemaValidator(
                    new DefaultResourceLoader(), schemas.toUri().toString());

            assertThatThrownBy(() -> local.readValidated(write("f.json", "{}"), "remote.schema.json"))
                    .isInstanceOf(CatalogLoadException.class)
                    .hasMessageContaining("remote.schema.json")
                    .hasMessageContaining("not a usable JSON Schema");
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    private static String shipped(String relative) throws IOException {
        try (InputStream in = new ClassPathResource(CATALOG + relative).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Resource write(String name, String content) throws IOException {
        return new FileSystemResource(Files.writeString(dir.resolve(name), content));
    }

    private static int requirementIndex(String json, String field, String value) throws IOException {
        JsonNode requirements = new ObjectMapper().readTree(json).get("requirements");
        for (int i = 0; i < requirements.size(); i++) {
            if (value.equals(requirements.get(i).path(field).asText())) {
                return i;
            }
        }
        throw new AssertionError("no requirement with " + field + " " + value);
    }

    private static int nthIndexOf(String text, String needle, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = text.indexOf(needle, at + 1);
            assertThat(at).as("occurrence %d of %s", i + 1, needle).isNotNegative();
        }
        return at;
    }

    private static int lineOf(String text, int index) {
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    private static int columnOf(String text, int index) {
        return index - text.lastIndexOf('\n', index - 1);
    }
}
