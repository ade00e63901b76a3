package io.conformity.ui.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ProblemDetail;

import io.conformity.problem.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * A refusal as a form shows it: one sentence for the top of the form and a message per field. Fields are named as
 * the API's JSON Pointers name them, with dots: {@code /manufacturer/name} becomes {@code manufacturer.name}, and
 * {@code /verdicts/0/verdict} becomes {@code verdicts.0.verdict}.
 */
public record FormErrors(String summary, Map<String, String> fields) {

    public static final FormErrors NONE = new FormErrors(null, Map.of());

    public FormErrors {
        // In the order the refusal named them, which is the order of the form.
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static FormErrors of(String summary) {
        return new FormErrors(summary, Map.of());
    }

    public static FormErrors of(String summary, String field, String message) {
        return new FormErrors(summary, Map.of(field, message));
    }

    /** The problem's detail, and each entry of its {@code errors} list at its pointer or parameter. */
    public static FormErrors of(ProblemException e) {
        ProblemDetail body = e.getBody();
        Map<String, String> fields = new LinkedHashMap<>();
        Object errors =
                body.getProperties() == null ? null : body.getProperties().get("errors");
        if (errors instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> error) {
                    Object place = error.get("pointer") != null ? error.get("pointer") : error.get("parameter");
                    Object detail = error.get("detail");
                    if (place != null && detail != null) {
                        fields.merge(field(place.toString()), detail.toString(), (a, b) -> a + "; " + b);
                    }
                }
            }
        }
        return new FormErrors(body.getDetail(), fields);
    }

    /** Bean validation of a facade's {@code @Valid} argument, with the usual sentence at the top of the form. */
    public static FormErrors of(ConstraintViolationException e) {
        return of(e.getConstraintViolations(), "Some fields need attention; nothing was saved.");
    }

    /**
     * Bean validation, of a facade's {@code @Valid} argument or of a command the controller checked itself
     * ({@code validator.validate(command)}): each message at its field inside the command, so
     * {@code createProduct.command.manufacturer.name} and {@code manufacturer.name} are both
     * {@code manufacturer.name}, an item of a list {@code verdicts[2].justification} is {@code verdicts.2.justification}
     * and a map's value {@code attributes[key]} is {@code attributes.key}.
     */
    public static FormErrors of(Set<? extends ConstraintViolation<?>> violations, String summary) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : violations) {
            fields.merge(field(violation.getPropertyPath()), violation.getMessage(), (a, b) -> a + "; " + b);
        }
        return new FormErrors(summary, fields);
    }

    private static String field(Path path) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : path) {
            // A method's validation starts with the method and its argument: the field is what follows.
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null) {
                parts.add(node.getIndex().toString());
            } else if (node.getKey() != null) {
                parts.add(node.getKey().toString());
            }
            // A container's element (<list element>, <map value>) is the item itself, already named by its place.
            if (node.getName() != null && !node.getName().startsWith("<")) {
                parts.add(node.getName());
            }
        }
        return String.join(".", parts);
    }

    static String field(String pointer) {
        String name = pointer.startsWith("/") ? pointer.substring(1) : pointer;
        return name.replace("/", ".").replace("~1", "/").replace("~0", "~");
    }

    public boolean any() {
        return summary != null || !fields.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String at(String field) {
        return fields.get(field);
    }

    /** Messages of fields the form has no place for, so none is lost. */
    public Map<String, String> except(Collection<String> shown) {
        Map<String, String> rest = new LinkedHashMap<>(fields);
        shown.forEach(rest::remove);
        return rest;
    }
}
