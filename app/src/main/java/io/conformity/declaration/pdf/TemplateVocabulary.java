package io.conformity.declaration.pdf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.conformity.declaration.DeclarationContent;
import io.conformity.declaration.DeclarationContent.ComplianceBasis;
import io.conformity.declaration.DeclarationContent.EvidenceLine;
import io.conformity.declaration.DeclarationContent.Party;
import io.conformity.declaration.DeclarationContent.RequirementLine;
import io.conformity.declaration.DeclarationContent.Standard;

/**
 * The placeholder names a template may use, and where each value comes from. Spelled out by hand rather than
 * found by reflection so that renaming a record component cannot silently change the template language that
 * operators rely on; templates/README.md documents the same list.
 */
final class TemplateVocabulary {

    /** The 1-based position of the item inside an {@code each} or {@code table} block. */
    static final String INDEX = "index";

    static final String PAGE = "page";
    static final String PAGES = "pages";

    static final Map<String, Function<DeclarationContent, Object>> DOCUMENT = documentValues();

    static final Map<String, ListBinding> LISTS = lists();

    /**
     * A list a template can repeat over.
     *
     * @param name   the name used after {@code each:} or {@code table:}
     * @param items  the items in the declaration
     * @param fields the placeholders each item offers
     */
    record ListBinding(
            String name, Function<DeclarationContent, List<?>> items, Map<String, Function<Object, Object>> fields) {}

    private TemplateVocabulary() {}

    private static Map<String, Function<DeclarationContent, Object>> documentValues() {
        Map<String, Function<DeclarationContent, Object>> values = new LinkedHashMap<>();
        values.put("declarationId", DeclarationContent::declarationId);
        values.put("assessmentId", DeclarationContent::assessmentId);
        values.put("regime", DeclarationContent::regime);
        values.put("productType", DeclarationContent::productType);
        values.put("modelDesignation", DeclarationContent::modelDesignation);
        values.put("firmwareVersion", DeclarationContent::firmwareVersion);
        values.put("batch", DeclarationContent::batch);
        values.put("supportPeriodEnd", DeclarationContent::supportPeriodEnd);
        values.put("signatoryName", DeclarationContent::signatoryName);
        values.put("signatoryFunction", DeclarationContent::signatoryFunction);
        values.put("placeOfIssue", DeclarationContent::placeOfIssue);
        values.put("dateOfIssue", DeclarationContent::dateOfIssue);
        return Collections.unmodifiableMap(values);
    }

    private static Map<String, ListBinding> lists() {
        Map<String, ListBinding> lists = new LinkedHashMap<>();
        add(
                lists,
                list("manufacturers", DeclarationContent::manufacturers, Party.class)
                        .field("name", Party::name)
                        .field("address", Party::address));
        add(
                lists,
                list("representatives", DeclarationContent::representatives, Party.class)
                        .field("name", Party::name)
                        .field("address", Party::address));
        add(
                lists,
                list("standards", DeclarationContent::standards, Standard.class)
                        .field("number", Standard::number)
                        .field("version", Standard::version)
                        .field("dateOfIssue", Standard::dateOfIssue)
                        .field("citation", Standard::citation));
        add(
                lists,
                list("deemedCompliance", DeclarationContent::deemedCompliance, ComplianceBasis.class)
                        .field("requirement", ComplianceBasis::requirement)
                        .field("route", ComplianceBasis::route));
        add(
                lists,
                list("requirements", DeclarationContent::requirements, RequirementLine.class)
                        .field("principle", RequirementLine::principle)
                        .field("framework", RequirementLine::framework)
                        .field("requirementId", RequirementLine::requirementId)
                        .field("title", RequirementLine::title)
                        .field("verdict", RequirementLine::verdict)
                        .field("justification", RequirementLine::justification));
        // Derived rather than a field of the declaration: each framework (with its version) that the annex rows
        // name, once, in order of first appearance, so that a statement can cite the edition it was assessed
        // against even when the regime lists no standard.
        add(
                lists,
                list("frameworks", TemplateVocabulary::frameworks, String.class).field("name", name -> name));
        add(
                lists,
                list("evidence", DeclarationContent::evidence, EvidenceLine.class)
                        .field("requirementId", EvidenceLine::requirementId)
                        .field("fileName", EvidenceLine::fileName)
                        .field("sha256", EvidenceLine::sha256)
                        .field("size", EvidenceLine::size));
        return Collections.unmodifiableMap(lists);
    }

    private static List<String> frameworks(DeclarationContent content) {
        return content.requirements().stream()
                .map(RequirementLine::framework)
                .filter(framework -> framework != null && !framework.isBlank())
                .distinct()
                .toList();
    }

    private static void add(Map<String, ListBinding> lists, ListBuilder<?> builder) {
        lists.put(
                builder.name,
                new ListBinding(builder.name, builder.items, Collections.unmodifiableMap(builder.fields)));
    }

    private static <T> ListBuilder<T> list(String name, Function<DeclarationContent, List<T>> items, Class<T> type) {
        return new ListBuilder<>(name, items::apply, type);
    }

    private static final class ListBuilder<T> {
        private final String name;
        private final Function<DeclarationContent, List<?>> items;
        private final Class<T> type;
        private final Map<String, Function<Object, Object>> fields = new LinkedHashMap<>();

        private ListBuilder(String name, Function<DeclarationContent, List<?>> items, Class<T> type) {
            this.name = name;
            this.items = items;
            this.type = type;
        }

        ListBuilder<T> field(String field, Function<T, Object> value) {
            fields.put(field, item -> value.apply(type.cast(item)));
            return this;
        }
    }
}
