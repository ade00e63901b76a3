package io.conformity.problem;

import org.springframework.http.HttpStatus;

/** The request is well-formed but the resource's state does not allow it (e.g. a task already done). */
public class ConflictException extends ProblemException {

    public ConflictException(String typeSlug, String title, String detail) {
        super(HttpStatus.CONFLICT, typeSlug, title, detail);
    }
}
