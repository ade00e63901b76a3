package io.conformity.catalog;

import org.springframework.http.HttpStatus;

import io.conformity.problem.ProblemException;

/** A regime code that the catalog does not know. */
public class UnknownRegimeException extends ProblemException {

    public UnknownRegimeException(String code) {
        super(HttpStatus.BAD_REQUEST, "unknown-regime", "Unknown regime",
                "Unknown regime '" + code + "'. Known regimes are listed at /api/v1/catalog/regimes.");
    }
}
