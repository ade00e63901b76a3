package io.conformity.evidence.internal.declarations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import io.conformity.evidence.Provision;
import io.conformity.evidence.internal.declarations.StructuredDeclarations.Kind;
import io.conformity.evidence.internal.declarations.StructuredDeclarations.Validated;
import io.conformity.problem.InvalidInputException;
import io.conformity.problem.NotFoundException;

class StructuredDeclarationsTests {

    static final String LOCATION = StructuredDeclarations.DEFAULT_LOCATION;
    static final DefaultResourceLoader LOADER = new DefaultResourceLoader();
    static final StructuredDeclarations DECLARATIONS = new StructuredDeclarations(LOADER, LOCATION);
    static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> KINDS = List.of(
            "authentication",
            "vulnerability-disclosure",
            "support-period",
            "update-mechanism",
            "secure-boot",
            "security-parameters",
            "interfaces",
            "secure-communication",
            "personal-data",
            "telemetry",
            "deletion",
            "resilience");

    static byte[] example(String kind) {
        return read(LOCATION + "examples/" + kind + ".json");
    }

    static ObjectNode exampleTree(String kind) {
        try {
            return (ObjectNode) JSON.readTree(example(kind));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(String location) {
        try (InputStream in = LOADER.getResource(location).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The errors of the problem {@code validate} throws, as (pointer, detail) maps. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(String kind, byte[] json) {
        InvalidInputException problem =
                catchThrowableOfType(InvalidInputException.class, () -> DECLARATIONS.validate(kind, json));
        assertThat(problem).as("validation of %s should fail", kind).isNotNull();
        return (List<Map<String, Object>>) problem.getBody().getProperties().get("errors");
    }

    static List<String> pointers(String kind, byte[] json) {
        return errors(kind, json).stream().map(e -> (String) e.get("pointer")).toList();
    }

    static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    // --- kinds and index

    @Test
    void listsTheTwelveKindsInIndexOrderWithVersionOneIds() {
        assertThat(DECLARATIONS.kinds()).extracting(Kind::name).containsExactlyElementsOf(KINDS);
        for (Kind kind : DECLARATIONS.kinds()) {
            assertThat(kind.version()).isEqualTo(1);
            assertThat(kind.schemaId()).isEqualTo("urn:conformity:evidence:" + kind.name() + ":1");
            assertThat(kind.title()).isNotBlank();
            assertThat(kind.description()).as(kind.name()).contains("IXIT");
            assertThat(kind.ixit()).isNotEmpty().allMatch(form -> form.startsWith("IXIT "));
            assertThat(kind.provisions()).isNotEmpty();
        }
    }

    @Test
    void mapsEachKindToItsProvisions() {
        assertThat(DECLARATIONS.kind("authentication").provisions())
                .containsExactly(
                        Provision.en("5.1-1"),
                        Provision.en("5.1-2"),
                        Provision.en("5.1-2A"),
                        Provision.en("5.1-3"),
                        Provision.en("5.1-4"),
                        Provision.en("5.1-5"),
                        Provision.psti("Sch1-P1"),
                        Provision.cra("I.2b"),
                        Provision.cra("I.2d"));
        assertThat(DECLARATIONS.kind("vulnerability-disclosure").provisions())
                .containsExactly(
                        Provision.en("5.2-1"),
                        Provision.psti("Sch1-P2"),
                        Provision.cra("II.4"),
                        Provision.cra("II.5"),
                        Provision.cra("II.6"));
        assertThat(DECLARATIONS.kind("support-period").provisions())
                .containsExactly(Provision.en("5.3-13"), Provision.psti("Sch1-P3"));
        assertThat(DECLARATIONS.kind("interfaces").ixit())
                .containsExactly("IXIT 13-SoftServ", "IXIT 15-PhyIntf", "IXIT 28-LogIntf");
        // Every PSTI requirement is evidenced by exactly one kind.
        assertThat(DECLARATIONS.kinds().stream()
                        .flatMap(k -> k.provisions().stream())
                        .filter(p -> p.framework().equals(Provision.PSTI)))
                .containsExactly(Provision.psti("Sch1-P1"), Provision.psti("Sch1-P2"), Provision.psti("Sch1-P3"));
    }

    @Test
    void everyProvisionOfTheIndexExistsInTheCatalog() throws IOException {
        Set<Provision> known = new HashSet<>();
        for (Resource file : new PathMatchingResourcePatternResolver()
                .getResources("classpath:conformity/evidence-schema/frameworks/*.json")) {
            JsonNode framework = JSON.readTree(file.getInputStream());
            String urn = framework.get("urn").textValue();
            framework
                    .get("requirements")
                    .forEach(r -> known.add(new Provision(urn, r.get("id").textValue())));
        }
        List<Provision> indexed = DECLARATIONS.kinds().stream()
                .flatMap(k -> k.provisions().stream())
                .toList();
        assertThat(indexed).hasSize(89);
        assertThat(known).containsAll(indexed);
    }

    @Test
    void theIndexSatisfiesItsSchema() throws IOException {
        Schema schema = registry()
                .getSchema(
                        SchemaLocation.of("urn:conformity:schema:evidence-index:1"),
                        JSON.readTree(read(LOCATION + "index.schema.json")));
        assertThat(schema.validate(JSON.readTree(read(LOCATION + "index.json"))))
                .isEmpty();
    }

    @Test
    void unknownKindIsNotFound() {
        assertThat(DECLARATIONS.find("firmware")).isEmpty();
        assertThatThrownBy(() -> DECLARATIONS.kind("firmware"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No declaration kind has id 'firmware'.");
        assertThatThrownBy(() -> DECLARATIONS.validate("firmware", utf8("{}"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void readsTheSourceFolderThroughAFileLocationToo() {
        // Surefire runs in app/; the checked-in folder, not the copy on the classpath.
        StructuredDeclarations fromFiles = new StructuredDeclarations(LOADER, "file:../evidence-schema/evidence");
        assertThat(fromFiles.kinds()).isEqualTo(DECLARATIONS.kinds());
        assertThat(fromFiles.validate("interfaces", example("interfaces")).sha256())
                .isEqualTo(DECLARATIONS
                        .validate("interfaces", example("interfaces"))
                        .sha256());
    }

    @Test
    void aBrokenSchemaFolderFailsConstruction() {
        assertThatThrownBy(() -> new StructuredDeclarations(LOADER, "classpath:no/such/folder/"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("index.schema.json");
    }

    // --- the schemas themselves

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void everySchemaIsValidDraft202012AndBoundedEverywhere(String file) throws IOException {
        JsonNode schema = JSON.readTree(read(LOCATION + file));
        // The meta-schema is bundled with the validator; nothing is fetched.
        Schema meta = registry().getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(meta.validate(schema)).as(file).isEmpty();

        assertThat(schema.get("$schema").textValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        if (!file.equals("index.schema.json")) {
            String kind = file.replace(".schema.json", "");
            assertThat(schema.get("$id").textValue()).isEqualTo("urn:conformity:evidence:" + kind + ":1");
            assertThat(schema.get("required")).isNotEmpty();
            assertThat(schema.at("/properties/schema/const").textValue())
                    .isEqualTo("urn:conformity:evidence:" + kind + ":1");
        }
        assertThat(schema.get("title").textValue()).isNotBlank();
        assertThat(schema.get("description").textValue()).isNotBlank();
        List<String> problems = new ArrayList<>();
        bounded(schema, "", problems);
        assertThat(problems).as(file).isEmpty();
    }

    static Stream<String> schemaFiles() {
        return Stream.concat(KINDS.stream().map(k -> k + ".schema.json"), Stream.of("index.schema.json"));
    }

    /** additionalProperties false on every object, maxLength ≤ 4000 on every free string, maxItems ≤ 500. */
    private static void bounded(JsonNode node, String at, List<String> problems) {
        if (node.isObject()) {
            String type = node.path("type").asText();
            if (type.equals("object") && !node.path("additionalProperties").isBoolean()) {
                problems.add(at + ": object without additionalProperties: false");
            }
            if (type.equals("object") && node.path("additionalProperties").asBoolean(false)) {
                problems.add(at + ": object admits additional properties");
            }
            if (type.equals("string") && !node.has("enum") && !node.has("const")) {
                int max = node.path("maxLength").asInt(Integer.MAX_VALUE);
                if (max > 4000) {
                    problems.add(at + ": string without maxLength <= 4000");
                }
            }
            if (type.equals("array") && node.path("maxItems").asInt(Integer.MAX_VALUE) > 500) {
                problems.add(at + ": array without maxItems <= 500");
            }
            node.properties().forEach(e -> bounded(e.getValue(), at + "/" + e.getKey(), problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                bounded(node.get(i), at + "/" + i, problems);
            }
        }
    }

    private static SchemaRegistry registry() {
        return SchemaRegistry.withDialect(
                Dialects.getDraft202012(), b -> b.schemaLoader(l -> l.fetchRemoteResources(false)));
    }

    // --- examples

    @ParameterizedTest
    @MethodSource("kinds")
    void everyExampleIsValid(String kind) {
        Validated validated = DECLARATIONS.validate(kind, example(kind));
        assertThat(validated.kind()).isEqualTo(kind);
        assertThat(validated.schemaId()).isEqualTo("urn:conformity:evidence:" + kind + ":1");
        assertThat(validated.document().get("schema").textValue()).isEqualTo(validated.schemaId());
        assertThat(validated.sha256())
                .hasSize(64)
                .isEqualTo(StructuredDeclarations.sha256(validated.canonical()))
                .matches("[0-9a-f]{64}");
    }

    static Stream<String> kinds() {
        return KINDS.stream();
    }

    @Test
    void theInterfacesExampleDeclaresOnlyHttpsOn18443() {
        Validated interfaces = DECLARATIONS.validate("interfaces", example("interfaces"));
        assertThat(DeclaredFacts.interfaces(interfaces)).containsOnlyKeys("18443/tcp");
        assertThat(DeclaredFacts.interfaces(interfaces).get("18443/tcp").justification())
                .isEqualTo("Needed for set-up and local viewing without the cloud.");
    }

    // --- errors, by JSON Pointer

    @Test
    void missingRequiredPropertiesArePointedAtWhereTheyBelong() {
        ObjectNode doc = exampleTree("support-period");
        doc.remove("endDate");
        ((ObjectNode) doc.get("publication")).remove("inEnglish");
        assertThat(errors("support-period", bytes(doc)))
                .containsExactly(
                        InvalidInputException.at("/endDate", "is required"),
                        InvalidInputException.at("/publication/inEnglish", "is required"));
    }

    @Test
    void aRequiredPropertyDeepInAnArrayAndAConditionalOne() {
        ObjectNode doc = exampleTree("interfaces");
        ((ObjectNode) doc.at("/interfaces/0")).remove("port");
        ((ObjectNode) doc.at("/interfaces/2")).remove("purpose");
        assertThat(errors("interfaces", bytes(doc)))
                .containsExactly(
                        // port is required only because the interface is a network one
                        InvalidInputException.at("/interfaces/0/port", "is required"),
                        InvalidInputException.at("/interfaces/2/purpose", "is required"));
    }

    @Test
    void wrongTypesArePointedAt() {
        ObjectNode doc = exampleTree("vulnerability-disclosure");
        doc.put("acknowledgementDays", "5");
        doc.put("statusUpdateDays", 1.5);
        List<Map<String, Object>> errors = errors("vulnerability-disclosure", bytes(doc));
        assertThat(errors)
                .extracting(e -> e.get("pointer"))
                .containsExactly("/acknowledgementDays", "/statusUpdateDays");
        assertThat(errors.get(0).get("detail")).isEqualTo("string found, integer expected; value \"5\"");
        assertThat(errors.get(1).get("detail")).isEqualTo("number found, integer expected; value 1.5");
    }

    @Test
    void unknownPropertiesArePointedAtThemselves() {
        ObjectNode doc = exampleTree("authentication");
        doc.put("colour", "red");
        ((ObjectNode) doc.at("/mechanisms/1")).put("passwrd", true);
        assertThat(errors("authentication", bytes(doc)))
                .containsExactly(
                        InvalidInputException.at("/colour", "is not a property of this declaration"),
                        InvalidInputException.at("/mechanisms/1/passwrd", "is not a property of this declaration"));
    }

    @Test
    void impossibleDatesAndMalformedUrisAndEmailsAreRefused() {
        ObjectNode doc = exampleTree("support-period");
        doc.put("endDate", "2030-02-30");
        doc.put("publicationDate", "01/03/2025");
        assertThat(pointers("support-period", bytes(doc))).containsExactly("/endDate", "/publicationDate");
        assertThat(errors("support-period", bytes(doc)).get(0).get("detail"))
                .asString()
                .contains("RFC 3339 full-date")
                .endsWith("value \"2030-02-30\"");

        ObjectNode disclosure = exampleTree("vulnerability-disclosure");
        disclosure.put("policyUrl", "example-smarthome.test/policy");
        ((ArrayNode) disclosure.get("contacts")).addObject().put("email", "security(at)example.com");
        assertThat(pointers("vulnerability-disclosure", bytes(disclosure)))
                .containsExactly("/contacts/1/email", "/policyUrl", "/policyUrl");
    }

    @Test
    void tooLongStringsAndTooManyItemsAreRefused() {
        ObjectNode doc = exampleTree("support-period");
        doc.put("statement", "x".repeat(4001));
        assertThat(errors("support-period", bytes(doc)))
                .containsExactly(InvalidInputException.at(
                        "/statement", "must be at most 4,000 characters long; value \"" + "x".repeat(60) + "...\""));
        doc.put("statement", "x".repeat(4000));
        assertThat(DECLARATIONS
                        .validate("support-period", bytes(doc))
                        .document()
                        .get("statement")
                        .textValue())
                .hasSize(4000);

        ObjectNode contacts = exampleTree("vulnerability-disclosure");
        ArrayNode list = contacts.putArray("contacts");
        for (int i = 0; i < 21; i++) {
            list.addObject().put("url", "https://example.com/report/" + i);
        }
        assertThat(pointers("vulnerability-disclosure", bytes(contacts))).containsExactly("/contacts");
    }

    @Test
    void aContactIsExactlyOneOfEmailOrUrl() {
        ObjectNode doc = exampleTree("vulnerability-disclosure");
        ArrayNode contacts = (ArrayNode) doc.get("contacts");
        contacts.addObject();
        contacts.addObject().put("email", "security@example.com").put("url", "https://example.com/report");
        assertThat(errors("vulnerability-disclosure", bytes(doc)))
                .containsExactly(
                        InvalidInputException.at("/contacts/1", "must have at least 1 properties"),
                        InvalidInputException.at("/contacts/2", "must have at most 1 properties"));

        contacts.removeAll().addObject().put("email", "security@example.com");
        assertThat(DECLARATIONS
                        .validate("vulnerability-disclosure", bytes(doc))
                        .document()
                        .at("/contacts/0/email")
                        .textValue())
                .isEqualTo("security@example.com");
    }

    @Test
    void errorsAreSortedWithIndexesNumericallyAndCappedAtTwenty() {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode interfaces = doc.putArray("interfaces");
        for (int i = 0; i < 12; i++) {
            interfaces.addObject().put("type", "network");
        }
        InvalidInputException problem = catchThrowableOfType(
                InvalidInputException.class, () -> DECLARATIONS.validate("interfaces", bytes(doc)));
        // 12 interfaces x (name, purpose, enabledByDefault, port, protocol)
        assertThat(problem.getBody().getDetail())
                .isEqualTo("The interfaces declaration does not satisfy urn:conformity:evidence:interfaces:1: "
                        + "60 problems, the first 20 listed.");
        List<String> pointers = pointers("interfaces", bytes(doc));
        assertThat(pointers).hasSize(20);
        assertThat(pointers.subList(0, 6))
                .containsExactly(
                        "/interfaces/0/enabledByDefault",
                        "/interfaces/0/name",
                        "/interfaces/0/port",
                        "/interfaces/0/protocol",
                        "/interfaces/0/purpose",
                        "/interfaces/1/enabledByDefault");
        assertThat(pointers.get(19)).isEqualTo("/interfaces/3/purpose");
    }

    @Test
    void aNetworkPortCanBeDeclaredOnlyOnce() {
        ObjectNode doc = exampleTree("interfaces");
        ((ArrayNode) doc.get("interfaces"))
                .addObject()
                .put("type", "network")
                .put("name", "Second web server")
                .put("port", 18443)
                .put("protocol", "tcp")
                .put("purpose", "Duplicate")
                .put("enabledByDefault", false);
        assertThat(errors("interfaces", bytes(doc)))
                .containsExactly(InvalidInputException.at(
                        "/interfaces/4/port", "declares 18443/tcp again; it is already declared at /interfaces/0"));
        // The same port over UDP is another interface.
        ((ObjectNode) doc.at("/interfaces/4")).put("protocol", "udp");
        assertThat(DECLARATIONS.validate("interfaces", bytes(doc))).isNotNull();
    }

    @Test
    void theSchemaPropertyMustNameThisKindAndAKnownVersion() {
        ObjectNode doc = exampleTree("authentication");
        doc.put("schema", "urn:conformity:evidence:interfaces:1");
        assertThat(errors("authentication", bytes(doc)))
                .containsExactly(InvalidInputException.at(
                        "/schema",
                        "names the interfaces kind, but this is a authentication declaration; post it to that kind"
                                + " instead"));
        doc.put("schema", "urn:conformity:evidence:authentication:2");
        assertThat(errors("authentication", bytes(doc)))
                .containsExactly(InvalidInputException.at(
                        "/schema",
                        "names a version of authentication this server does not know; it supports"
                                + " urn:conformity:evidence:authentication:1"));
        doc.put("schema", 1);
        assertThat(pointers("authentication", bytes(doc))).containsExactly("/schema", "/schema");
        doc.remove("schema");
        assertThat(DECLARATIONS
                        .validate("authentication", bytes(doc))
                        .document()
                        .get("schema")
                        .textValue())
                .isEqualTo("urn:conformity:evidence:authentication:1");
    }

    // --- strict parsing

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"collected\": false, \"collected\": true}",
                "{\"collected\": false} {}",
                "{\"collected\": false} x",
                "{\"collected\": false,}",
                "{'collected': false}",
                "{\"collected\": NaN}",
                "// comment\n{\"collected\": false}",
                "",
                "   ",
            })
    void malformedJsonIsRefusedAtTheRoot(String json) {
        List<Map<String, Object>> errors = errors("telemetry", utf8(json));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("pointer")).isEqualTo("");
    }

    @Test
    void duplicateKeysNameTheKey() {
        assertThat(errors("telemetry", utf8("{\"collected\": false,\n \"collected\": true}"))
                        .get(0)
                        .get("detail"))
                .isEqualTo("line 2, column 13: Duplicate field 'collected'");
    }

    @Test
    void nestingDeeperThan32IsRefused() {
        String deep = "{\"collected\": false, \"x\": " + "[".repeat(31) + "]".repeat(31) + "}";
        assertThat(pointers("telemetry", utf8(deep))).containsExactly("/x"); // depth 32: parsed, then unknown
        String deeper = "{\"collected\": false, \"x\": " + "[".repeat(32) + "]".repeat(32) + "}";
        assertThat(errors("telemetry", utf8(deeper)).get(0))
                .extractingByKey("detail")
                .asString()
                .contains("nesting depth");
    }

    @Test
    void longNumbersAndHugeStringsAreRefusedByTheParser() {
        assertThat(errors(
                                "update-mechanism",
                                utf8("{\"updatable\": true, \"securityUpdateTimeframeDays\": " + "1".repeat(41) + "}"))
                        .get(0))
                .extractingByKey("detail")
                .asString()
                .contains("Number value length");
        assertThat(errors("telemetry", utf8("{\"collected\": \"" + "x".repeat(20_000) + "\"}"))
                        .get(0))
                .extractingByKey("detail")
                .asString()
                .contains("String value length");
    }

    @Test
    void aDocumentOverOneMebibyteIsRefused() {
        byte[] big = utf8("{\"collected\": false, \"pad\": \"" + " ".repeat(1 << 20) + "\"}");
        assertThat(errors("telemetry", big)).containsExactly(InvalidInputException.at("", "is too large"));
    }

    @Test
    void textMustBeUtf8AndValidUnicode() {
        byte[] latin1 = "{\"collected\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(errors("telemetry", latin1)).containsExactly(InvalidInputException.at("", "is not valid UTF-8"));
        assertThat(errors("telemetry", utf8("{\"collected\": false, \"items\": [\"\\ud800\"]}")))
                .containsExactly(InvalidInputException.at(
                        "/items/0", "contains an unpaired surrogate (\\ud800-\\udfff escape)"));
        assertThat(errors("telemetry", utf8("{\"\\udc00x\": 1}")))
                .containsExactly(InvalidInputException.at(
                        "/\udc00x", "contains an unpaired surrogate (\\ud800-\\udfff escape)"));
    }

    // --- canonical form and hash

    @Test
    void keyOrderWhitespaceNumberNotationAndEscapesDoNotChangeTheHash() {
        String compact = "{\"endDate\":\"2030-12-31\",\"publishedAt\":\"https://example.com/support\","
                + "\"publicationDate\":\"2025-03-01\",\"statement\":\"Mises à jour jusqu'au 31 décembre 2030.\","
                + "\"publication\":{\"withoutPriorRequest\":true,\"inEnglish\":true,\"freeOfCharge\":true,"
                + "\"noPersonalInformationRequired\":true,\"accessibleWithoutAccount\":true,"
                + "\"understandableWithoutTechnicalKnowledge\":true}}";
        String reordered = "{\n  \"publication\" : {\n    \"understandableWithoutTechnicalKnowledge\" : true,\n"
                + "    \"accessibleWithoutAccount\" : true, \"noPersonalInformationRequired\" : true,\n"
                + "    \"freeOfCharge\" : true, \"inEnglish\" : true, \"withoutPriorRequest\" : true },\n"
                + "  \"statement\" : \"Mises \\u00e0 jour jusqu\\u0027au 31 d\\u00E9cembre 2030.\",\n"
                + "  \"schema\" : \"urn:conformity:evidence:support-period:1\",\n"
                + "  \"publicationDate\" : \"2025-03-01\", \"publishedAt\" : \"https:\\/\\/example.com\\/support\",\n"
                + "  \"endDate\" : \"2030-12-31\"\n}\n";
        Validated a = DECLARATIONS.validate("support-period", utf8(compact));
        Validated b = DECLARATIONS.validate("support-period", utf8(reordered));
        assertThat(b.sha256()).isEqualTo(a.sha256());
        assertThat(b.canonical()).isEqualTo(a.canonical());
        assertThat(b).isEqualTo(a);
        assertThat(new String(a.canonical(), StandardCharsets.UTF_8))
                .isEqualTo("{\"endDate\":\"2030-12-31\",\"publication\":{\"accessibleWithoutAccount\":true,"
                        + "\"freeOfCharge\":true,\"inEnglish\":true,\"noPersonalInformationRequired\":true,"
                        + "\"understandableWithoutTechnicalKnowledge\":true,\"withoutPriorRequest\":true},"
                        + "\"publicationDate\":\"2025-03-01\",\"publishedAt\":\"https://example.com/support\","
                        + "\"schema\":\"urn:conformity:evidence:support-period:1\","
                        + "\"statement\":\"Mises à jour jusqu'au 31 décembre 2030.\"}");
        assertThat(a.sha256()).isEqualTo(StructuredDeclarations.sha256(a.canonical()));
    }

    @Test
    void numbersAreWrittenTheEcmaScriptWay() {
        String base = "{\"policyUrl\":\"https://example.com/p\",\"contacts\":[{\"url\":\"https://example.com/r\"}],"
                + "\"publication\":{\"withoutPriorRequest\":true,\"inEnglish\":true,\"freeOfCharge\":true,"
                + "\"noPersonalInformationRequired\":true,\"accessibleWithoutAccount\":true},";
        Validated plain = DECLARATIONS.validate(
                "vulnerability-disclosure", utf8(base + "\"acknowledgementDays\":5,\"statusUpdateDays\":14}"));
        Validated notation = DECLARATIONS.validate(
                "vulnerability-disclosure", utf8(base + "\"acknowledgementDays\":5.0,\"statusUpdateDays\":1.4e1}"));
        assertThat(notation.sha256()).isEqualTo(plain.sha256());
        assertThat(notation.document().get("acknowledgementDays").isIntegralNumber())
                .isTrue();
        assertThat(new String(notation.canonical(), StandardCharsets.UTF_8))
                .contains("\"acknowledgementDays\":5,")
                .endsWith("\"statusUpdateDays\":14}");
    }

    @Test
    void theCanonicalFormIsACopy() {
        Validated validated = DECLARATIONS.validate("secure-boot", example("secure-boot"));
        validated.canonical()[0] = 'X';
        ((ObjectNode) validated.document()).put("supported", false);
        assertThat(validated.canonical()[0]).isEqualTo((byte) '{');
        assertThat(validated.document().get("supported").booleanValue()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
    void rfc8785TestVectorsCanonicaliseToTheExactBytes(String name) {
        byte[] input = read("classpath:evidence/rfc8785/input/" + name + ".json");
        byte[] expected = read("classpath:evidence/rfc8785/output/" + name + ".json");
        assertThat(StructuredDeclarations.canonicalize(input)).isEqualTo(expected);
    }

    @Test
    void theRfc8785NumberExampleIsExact() {
        // RFC 8785 §3.2.2.3 sample values.
        assertThat(new String(
                        StructuredDeclarations.canonicalize(
                                utf8("[333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001, -0.0]")),
                        StandardCharsets.UTF_8))
                .isEqualTo("[333333333.3333333,1e+30,4.5,0.002,1e-27,0]");
    }
}
