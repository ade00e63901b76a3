package io.conformity.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ProblemDetail;

import io.conformity.problem.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

/**
 * A refusal as a form shows it: one sentence for the top of the form and a message per field. Fields are named as
 * the API's JSON Pointers name them, with dots: {@code /manufacturer/name} becomes {@code manufacturer.name}, and
 * {@code /verdicts/0/verdict} becomes {@code verdicts.0.verdict}.
 */
public record FormErrors(String summary, Map<String, String> fields) {

    public static final FormErrors NONE = new FormErrors(null, Map.of());

    public FormErrors {
        fields = Map.copyOf(fields);
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

    /**
     * Bean validation of a facade's {@code @Valid} argument: the path after the method and argument names, so
     * {@code createProduct.command.name} is {@code name}.
     */
    public static FormErrors of(ConstraintViolationException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            List<String> parts = new ArrayList<>();
            int index = 0;
            for (Path.Node node : violation.getPropertyPath()) {
                // The method and its argument come first; what follows is the field inside the command.
                if (index++ < 2) {
                    continue;
                }
                if (node.getIndex() != null) {
                    parts.add(node.getIndex().toString());
                }
                if (node.getName() != null) {
                    parts.add(node.getName());
                }
            }
            fields.merge(String.join(".", parts), violation.getMessage(), (a, b) -> a + "; " + b);
        }
        return new FormErrors("Some fields need attention; nothing was saved.", fields);
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
    public Map<String, String> except(List<String> shown) {
        Map<String, String> rest = new LinkedHashMap<>(fields);
        shown.forEach(rest::remove);
        return rest;
    }
}
