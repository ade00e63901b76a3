package io.conformity.ui.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.conformity.problem.ProblemException;

/**
 * Moves a refusal's messages from the API's names to a task form's fields. The API names the items of a list by
 * position ({@code verdicts.2.justification}), or lists the requirements a rule is about in
 * {@code requirementAssessmentIds}; a form names its fields per requirement ({@code justification-<id>}).
 */
final class FieldErrors {

    private FieldErrors() {}

    /**
     * @param list     the command's list as {@link FormErrors} names it ({@code verdicts})
     * @param keys     the key of each list item, in the order the command listed them
     * @param renamed  the form's names for a property of the API, e.g. {@code justification -> justification-}
     */
    static FormErrors indexed(FormErrors errors, String list, List<String> keys, Map<String, String> renamed) {
        Map<String, String> fields = new LinkedHashMap<>();
        errors.fields().forEach((name, message) -> {
            String[] parts = name.split("\\.", 3);
            String field = name;
            if (parts.length == 3 && parts[0].equals(list) && parts[1].matches("\\d+")) {
                int index = Integer.parseInt(parts[1]);
                String prefix = renamed.get(parts[2]);
                if (index < keys.size() && prefix != null) {
                    field = prefix + keys.get(index);
                }
            } else if (renamed.containsKey(name)) {
                field = renamed.get(name);
            }
            fields.merge(field, message, (a, b) -> a + "; " + b);
        });
        return new FormErrors(errors.summary(), fields);
    }

    /** The requirements a refusal names, each with the message at the form's field for it. */
    static FormErrors named(FormErrors errors, ProblemException e, Function<UUID, String> field, String message) {
        Object ids = e.getBody().getProperties() == null
                ? null
                : e.getBody().getProperties().get("requirementAssessmentIds");
        if (!(ids instanceof Collection<?> named)) {
            return errors;
        }
        Map<String, String> fields = new LinkedHashMap<>(errors.fields());
        for (Object id : named) {
            fields.merge(field.apply(UUID.fromString(id.toString())), message, (a, b) -> a + "; " + b);
        }
        return new FormErrors(errors.summary(), fields);
    }
}
