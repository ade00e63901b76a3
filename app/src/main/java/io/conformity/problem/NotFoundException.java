package io.conformity.problem;

import java.util.Map;

/** A resource that does not exist (or that the caller may not know exists). */
public class NotFoundException extends ProblemException {

    public NotFoundException(String resource, Object id) {
        super(
                ProblemType.NOT_FOUND,
                "No " + resource.toLowerCase() + " has id '" + id + "'.",
                Map.of("resource", resource));
    }
}
