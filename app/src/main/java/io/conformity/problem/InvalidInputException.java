package io.conformity.problem;

import java.util.List;
import java.util.Map;

/**
 * Input that is well-formed but breaks a rule only the module can check; lists every failing place as a JSON
 * Pointer (or row and column for tabular input) with its message, like bean-validation errors.
 */
public class InvalidInputException extends ProblemException {

    public InvalidInputException(String detail, List<Map<String, Object>> errors) {
        super(ProblemType.VALIDATION, detail, Map.of("errors", List.copyOf(errors)));
    }

    /** A place in a JSON body. */
    public static Map<String, Object> at(String pointer, String detail) {
        return Map.of("pointer", pointer, "detail", detail);
    }

    /** A query or path parameter, or a multipart part, by name. */
    public static Map<String, Object> parameter(String name, String detail) {
        return Map.of("parameter", name, "detail", detail);
    }
}
