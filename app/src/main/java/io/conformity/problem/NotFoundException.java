package io.conformity.problem;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A resource that does not exist (or that the caller may not know exists). */
public class NotFoundException extends ProblemException {

    public NotFoundException(String resource, Object id) {
        super(HttpStatus.NOT_FOUND, "not-found", resource + " not found",
                "No " + resource.toLowerCase() + " has id '" + id + "'.", Map.of("resource", resource));
    }
}
