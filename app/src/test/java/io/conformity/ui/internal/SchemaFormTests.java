package io.conformity.ui.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.conformity.ui.internal.SchemaForm.Field;
import io.conformity.ui.internal.SchemaForm.Widget;

/** The declaration forms come from the schemas the API validates against; these pin how each type is asked for. */
class SchemaFormTests {

    static SchemaForm schema(String kind) throws IOException {
        try (InputStream in = new ClassPathResource("conformity/evidence-schema/evidence/" + kind + ".schema.json")
                .getInputStream()) {
            return SchemaForm.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Field field(List<Field> fields, String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
            if (name.startsWith(f.name() + ".")) {
                return field(f.children(), name);
            }
        }
        throw new AssertionError("No field " + name);
    }

    @Test
    void eachSchemaTypeHasItsInputWithTheDescriptionAsHint() throws IOException {
        SchemaForm form = schema("support-period");
        List<Field> fields = form.fields().fields();

        assertThat(form.title()).isEqualTo("Defined support period");
        assertThat(fields).extracting(Field::name).doesNotContain("schema");
        assertThat(field(fields, "endDate").widget()).isEqualTo(Widget.DATE);
        assertThat(field(fields, "endDate").label()).isEqualTo("End date");
        assertThat(field(fields, "endDate").required()).isTrue();
        assertThat(field(fields, "endDate").hint()).startsWith("Last day on which security updates");
        assertThat(field(fields, "publishedAt").widget()).isEqualTo(Widget.URL);
        assertThat(SchemaForm.label("policyUrl", new ObjectMapper().createObjectNode()))
                .isEqualTo("Policy URL");
        assertThat(field(fields, "statement").widget()).isEqualTo(Widget.TEXTAREA);
        assertThat(field(fields, "componentsCovered").widget()).isEqualTo(Widget.LINES);
        assertThat(field(fields, "componentsCovered").required()).isFalse();
        assertThat(field(fields, "publication").widget()).isEqualTo(Widget.GROUP);
        assertThat(field(fields, "publication.inEnglish").widget()).isEqualTo(Widget.CHECKBOX);
        assertThat(field(fields, "purchasePage").widget()).isEqualTo(Widget.SELECT);
        assertThat(field(fields, "purchasePage").options()).contains("equal-prominence", "not-shown");
    }

    @Test
    void arraysOfObjectsAreRowsAndReferencesAreFollowed() throws IOException {
        SchemaForm form = schema("vulnerability-disclosure");
        Field contacts = field(form.fields().fields(), "contacts");

        assertThat(contacts.widget()).isEqualTo(Widget.ROWS);
        assertThat(contacts.children()).hasSize(1);
        assertThat(field(contacts.children(), "contacts.0.email").widget()).isEqualTo(Widget.EMAIL);
        assertThat(field(form.fields().fields(), "acknowledgementDays").widget())
                .isEqualTo(Widget.NUMBER);

        // A filled row gets an empty one after it, so a second contact needs no script.
        Field two = field(
                form.fields(Map.of("contacts.0.email", new String[] {"psirt@example.com"}), FormErrors.NONE)
                        .fields(),
                "contacts");
        assertThat(two.children()).hasSize(2);
        assertThat(field(two.children(), "contacts.0.email").value()).isEqualTo("psirt@example.com");
    }

    @Test
    void thePostedFormBecomesTheDeclarationLeavingOutWhatWasNotAnswered() throws IOException {
        Map<String, String[]> posted = new LinkedHashMap<>();
        posted.put("policyUrl", new String[] {" https://example.com/vdp "});
        posted.put("contacts.0.email", new String[] {"psirt@example.com"});
        posted.put("contacts.0.url", new String[] {""});
        posted.put("contacts.1.email", new String[] {""});
        posted.put("acknowledgementDays", new String[] {"7"});
        posted.put("statusUpdateDays", new String[] {"two weeks"});
        posted.put("advisoriesUrl", new String[] {""});
        posted.put("publication.inEnglish", new String[] {"true"});

        JsonNode json =
                new ObjectMapper().readTree(schema("vulnerability-disclosure").json(posted));

        assertThat(json.get("policyUrl").asText()).isEqualTo("https://example.com/vdp");
        assertThat(json.get("contacts")).hasSize(1);
        assertThat(json.at("/contacts/0/email").asText()).isEqualTo("psirt@example.com");
        assertThat(json.at("/contacts/0").has("url")).isFalse();
        assertThat(json.get("acknowledgementDays").isIntegralNumber()).isTrue();
        // Words where a number belongs are sent as words: the schema then names the field.
        assertThat(json.get("statusUpdateDays").isTextual()).isTrue();
        assertThat(json.has("advisoriesUrl")).isFalse();
        assertThat(json.at("/publication/inEnglish").asBoolean()).isTrue();
        assertThat(json.at("/publication/freeOfCharge").isBoolean()).isTrue();
        assertThat(json.at("/publication/freeOfCharge").asBoolean()).isFalse();
    }

    @Test
    void linesAreAnArrayAndLineBreaksDoNotDependOnTheBrowser() throws IOException {
        Map<String, String[]> posted = Map.of(
                "componentsCovered", new String[] {"rootfs\r\n\r\n  bootloader \r\n"},
                "statement", new String[] {"Updates until 2030.\r\nThen none."});

        JsonNode json = new ObjectMapper().readTree(schema("support-period").json(posted));

        assertThat(json.get("componentsCovered").toString()).isEqualTo("[\"rootfs\",\"bootloader\"]");
        assertThat(json.get("statement").asText()).isEqualTo("Updates until 2030.\nThen none.");
        assertThat(json.get("publication").isObject()).isTrue();
        assertThat(json.has("purchasePage")).isFalse();
    }

    @Test
    void errorsLandAtTheirFieldAndTheRestStaysForTheSummary() throws IOException {
        FormErrors errors = new FormErrors(
                "The declaration does not match its schema.",
                Map.of(
                        "endDate", "is not a date",
                        "componentsCovered.1", "is too long",
                        "", "has an unknown property"));
        Map<String, String[]> posted =
                Map.of("endDate", new String[] {"soon"}, "publication.inEnglish", new String[] {"true"});

        SchemaForm.Rendered rendered = schema("support-period").fields(posted, errors);

        assertThat(field(rendered.fields(), "endDate").error()).isEqualTo("is not a date");
        assertThat(field(rendered.fields(), "endDate").value()).isEqualTo("soon");
        assertThat(field(rendered.fields(), "componentsCovered").error()).isEqualTo("item 2 is too long");
        assertThat(field(rendered.fields(), "publication.inEnglish").checked()).isTrue();
        assertThat(field(rendered.fields(), "publication.freeOfCharge").checked())
                .isFalse();
        assertThat(rendered.unplaced()).containsOnlyKeys("");
    }

    @Test
    void everySchemaBecomesAForm() throws IOException {
        for (String kind : List.of(
                "authentication",
                "deletion",
                "interfaces",
                "personal-data",
                "resilience",
                "secure-boot",
                "secure-communication",
                "security-parameters",
                "support-period",
                "telemetry",
                "update-mechanism",
                "vulnerability-disclosure")) {
            SchemaForm form = schema(kind);
            assertThat(form.fields().fields()).as(kind).isNotEmpty();
            assertThat(new ObjectMapper().readTree(form.json(Map.of())).isObject())
                    .as(kind)
                    .isTrue();
        }
    }
}
